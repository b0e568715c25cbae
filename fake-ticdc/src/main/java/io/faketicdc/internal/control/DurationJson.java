package io.faketicdc.internal.control;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import io.faketicdc.internal.json.GoDurations;
import java.io.IOException;
import java.time.Duration;

/**
 * Durations in fault JSON (see {@link JsonMixIns}), without the jsr310 module: written as Go duration strings
 * ({@code "1.5s"}, {@code "250ms"}), read from Go strings or ISO-8601 ({@code "PT1.5S"}).
 */
public final class DurationJson {
    private DurationJson() { }

    public static Duration parse(String text) {
        String t = text.trim();
        if (t.startsWith("P") || t.startsWith("-P")) return Duration.parse(t);
        return Duration.ofNanos(GoDurations.parse(t));
    }

    public static final class Out extends StdSerializer<Duration> {
        public Out() {
            super(Duration.class);
        }

        @Override
        public void serialize(Duration d, JsonGenerator gen, SerializerProvider provider) throws IOException {
            gen.writeString(GoDurations.format(d.toNanos()));
        }
    }

    public static final class In extends StdDeserializer<Duration> {
        public In() {
            super(Duration.class);
        }

        @Override
        public Duration deserialize(JsonParser p, DeserializationContext ctx) throws IOException {
            try {
                return parse(p.getValueAsString());
            } catch (RuntimeException e) {
                return (Duration) ctx.handleWeirdStringValue(Duration.class, p.getValueAsString(),
                        "not a duration (\"1.5s\", \"250ms\" or \"PT1.5S\")");
            }
        }
    }
}
