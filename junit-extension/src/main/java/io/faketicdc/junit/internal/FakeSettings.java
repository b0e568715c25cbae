package io.faketicdc.junit.internal;

import io.faketicdc.FakeConfig;
import io.faketicdc.FakeTiCdc;
import io.faketicdc.junit.TiCdcFake;
import io.faketicdc.scenario.Scenario;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;

/**
 * How to start a fake: the steps applied to a fresh {@link FakeConfig.Builder}, in order, the
 * system property to publish its base URL under (null: none), which requests its tests may
 * make, and the scenario it is created for (null: none; it sizes the cluster and the fake loads it
 * on start and on every reset). Immutable once built.
 */
public record FakeSettings(List<Consumer<FakeConfig.Builder>> steps, String exposeBaseUrlAs,
                           RequestPolicy policy, Scenario scenario) {

    public FakeSettings {
        steps = List.copyOf(steps);
    }

    /** The settings an annotation asks for. */
    public static FakeSettings of(TiCdcFake a) {
        List<Consumer<FakeConfig.Builder>> steps = new ArrayList<>();
        steps.add(b -> b.profile(a.profile()).seed(a.seed()).realisticAsync(a.realisticAsync()));
        int captures = a.captures();
        if (captures != 0) steps.add(b -> b.captures(captures)); // 0: the scenario's, else 1
        if (!a.startInstant().isBlank()) {
            Instant start = parseInstant(a.startInstant());
            steps.add(b -> b.startInstant(start));
        }
        for (String user : a.users()) {
            int colon = user.indexOf(':');
            if (colon <= 0) {
                throw new ExtensionConfigurationException("@TiCdcFake(users): expected NAME:PASSWORD, got '" + user + "'");
            }
            steps.add(b -> b.user(user.substring(0, colon), user.substring(colon + 1)));
        }
        if (a.clientUserRequired()) steps.add(b -> b.clientUserRequired(true));
        if (a.pdAddrs().length > 0) {
            String[] pdAddrs = a.pdAddrs().clone();
            steps.add(b -> b.pdAddrs(pdAddrs));
        }
        if (a.sinkCheck() != io.faketicdc.SinkCheck.ACCEPT) steps.add(b -> b.sinkCheck(a.sinkCheck()));
        tls(a, steps);
        if (!a.serverVersion().isBlank()) {
            String version = a.serverVersion();
            steps.add(b -> b.serverVersion(version));
        }
        RequestPolicy policy = new RequestPolicy(a.failOnUnexpectedRequests(), new HashSet<>(List.of(a.allowOnly())));
        // validated when the fake is created, right after (ManagedFake.start)
        return new FakeSettings(steps, null, policy, scenario(a.scenario()));
    }

    /**
     * A fresh fake, not started, sized for the scenario (its capture count unless a step sets one);
     * throws {@link ExtensionConfigurationException} when the configuration is invalid.
     */
    public FakeTiCdc create() {
        try {
            FakeTiCdc fake = FakeTiCdc.create(scenario, b -> {
                for (Consumer<FakeConfig.Builder> step : steps) step.accept(b);
            });
            if (policy.active() && fake.config().journalCapacity() == 0) {
                throw new IllegalArgumentException("checking the requests (failOnUnexpectedRequests, allowOnly)"
                        + " needs the request journal, but journalCapacity 0 turns it off");
            }
            return fake;
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new ExtensionConfigurationException("invalid fake TiCDC configuration: " + e.getMessage(), e);
        }
    }

    /** The scenario a resource names (blank: none), read once; a bad one fails the configuration. */
    public static Scenario scenario(String resource) {
        if (resource == null || resource.isBlank()) return null;
        try {
            return Scenario.fromClasspath(resource.trim());
        } catch (IllegalArgumentException e) {
            throw new ExtensionConfigurationException("scenario " + resource + ": " + e.getMessage(), e);
        }
    }

    /** {@code tls}, {@code mtls} and {@code certAllowedCn} (the engine checks that the last two come with the first). */
    private static void tls(TiCdcFake a, List<Consumer<FakeConfig.Builder>> steps) {
        String tls = a.tls().trim();
        if (!tls.isEmpty() && !tls.equals("self-signed")) {
            throw new ExtensionConfigurationException("@TiCdcFake(tls = \"" + a.tls() + "\"): expected \"self-signed\""
                    + " (or \"\" for plain http; for your own PEM files register TiCdcFakeExtension with .tls(Tls.fromPem(...)))");
        }
        if (!tls.isEmpty()) steps.add(b -> b.tls(io.faketicdc.Tls.selfSigned()));
        if (a.mtls()) steps.add(b -> b.mtls(true));
        String[] cns = a.certAllowedCn();
        if (cns.length > 0) steps.add(b -> b.certAllowedCn(cns));
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
