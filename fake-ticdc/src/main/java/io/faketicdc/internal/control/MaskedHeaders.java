package io.faketicdc.internal.control;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A journal record's request headers as the journal's exports write them: the credentials of
 * {@code Authorization} and {@code Proxy-Authorization} are masked ({@code Bearer ******}: the
 * scheme stays, so a test can still see which kind was sent). The Java record keeps the value;
 * the control API writes it unmasked only when asked ({@code ?unmasked=true}).
 */
final class MaskedHeaders extends StdSerializer<Map<String, List<String>>> {
    static final String MASK = "******";
    private static final Set<String> SECRET = Set.of("authorization", "proxy-authorization");

    @SuppressWarnings({"unchecked", "rawtypes"})
    MaskedHeaders() {
        super((Class) Map.class);
    }

    static boolean secret(String name) {
        return SECRET.contains(name.toLowerCase(Locale.ROOT));
    }

    /** {@code Bearer abc} to {@code Bearer ******}; a value without a scheme to {@code ******}. */
    static String mask(String value) {
        String v = value.strip();
        int space = v.indexOf(' ');
        return space > 0 ? v.substring(0, space) + " " + MASK : MASK;
    }

    @Override
    public void serialize(Map<String, List<String>> headers, JsonGenerator g, SerializerProvider p) throws IOException {
        g.writeStartObject();
        for (Map.Entry<String, List<String>> e : headers.entrySet()) {
            g.writeArrayFieldStart(e.getKey());
            boolean secret = secret(e.getKey());
            for (String v : e.getValue()) g.writeString(secret && v != null ? mask(v) : v);
            g.writeEndArray();
        }
        g.writeEndObject();
    }
}
