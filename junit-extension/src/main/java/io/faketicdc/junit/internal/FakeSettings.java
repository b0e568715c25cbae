package io.faketicdc.junit.internal;

import io.faketicdc.FakeConfig;
import io.faketicdc.junit.TiCdcFake;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;

/**
 * How to start a fake: the steps applied to a fresh {@link FakeConfig.Builder}, in order, and the
 * system property to publish its base URL under (null: none). Immutable once built.
 */
public record FakeSettings(List<Consumer<FakeConfig.Builder>> steps, String exposeBaseUrlAs) {

    public FakeSettings {
        steps = List.copyOf(steps);
    }

    /** The settings an annotation asks for. */
    public static FakeSettings of(TiCdcFake a) {
        List<Consumer<FakeConfig.Builder>> steps = new ArrayList<>();
        int captures = a.captures();
        steps.add(b -> b.captures(captures).profile(a.profile()).seed(a.seed())
                .realisticAsync(a.realisticAsync()));
        if (!a.startInstant().isBlank()) {
            Instant start = parseInstant(a.startInstant());
            steps.add(b -> b.startInstant(start));
        }
        if (!a.serverVersion().isBlank()) {
            String version = a.serverVersion();
            steps.add(b -> b.serverVersion(version));
        }
        FakeSettings s = new FakeSettings(steps, null);
        s.config();
        return s;
    }

    /** A fresh configuration; throws {@link ExtensionConfigurationException} when it is invalid. */
    public FakeConfig config() {
        FakeConfig.Builder b = FakeConfig.builder();
        try {
            for (Consumer<FakeConfig.Builder> step : steps) step.accept(b);
            return b.build();
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new ExtensionConfigurationException("invalid fake TiCDC configuration: " + e.getMessage(), e);
        }
    }

    private static Instant parseInstant(String text) {
        try {
            return Instant.parse(text.trim());
        } catch (DateTimeParseException e) {
            throw new ExtensionConfigurationException("@TiCdcFake(startInstant = \"" + text
                    + "\") is not an ISO-8601 instant such as 2024-01-02T03:04:05Z", e);
        }
    }
}
