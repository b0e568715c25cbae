package io.faketicdc.standalone;

import io.faketicdc.FakeConfig;
import io.faketicdc.Profile;

/** Turns the command line into a {@link FakeConfig} (through its builder), with one-line errors. */
final class Options {
    private Options() { }

    /** Sets {@code b} from the flags; {@code --captures} only when given (else the scenario's count, or 1). */
    /** The levels slf4j-simple (the standalone jar's logger) knows. */
    static final java.util.List<String> LOG_LEVELS = java.util.List.of("off", "error", "warn", "info", "debug", "trace");

    static void configure(Main m, FakeConfig.Builder b) {
        if (!LOG_LEVELS.contains(m.logLevel)) {
            throw new IllegalArgumentException("--log-level must be one of " + String.join(", ", LOG_LEVELS) + ", got '" + m.logLevel + "'");
        }
        HostPort bind = HostPort.parse("--addr", m.addr);
        if (m.captures != null && m.captures < 1) throw new IllegalArgumentException("--captures must be at least 1, got " + m.captures);
        b.host(bind.host()).port(bind.port()).clusterId(m.clusterId).realisticAsync(m.realisticAsync).controlApi(!m.noControl);
        if (m.captures != null) b.captures(m.captures);
        try {
            b.profile(Profile.parse(m.profile));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--profile: " + e.getMessage());
        }
        switch (m.sinkCheck) {
            case "accept" -> b.sinkCheck(io.faketicdc.SinkCheck.ACCEPT);
            case "dial" -> b.sinkCheck(io.faketicdc.SinkCheck.DIAL);
            default -> throw new IllegalArgumentException("--sink-check must be accept or dial, got '" + m.sinkCheck + "'");
        }
        switch (m.clock) {
            case "ticking" -> b.tickingClock(true);
            case "manual" -> b.tickingClock(false);
            default -> throw new IllegalArgumentException("--clock must be ticking or manual, got '" + m.clock + "'");
        }
        if (m.advertiseAddr != null) {
            HostPort adv = HostPort.parse("--advertise-addr", m.advertiseAddr);
            b.advertiseAddr(adv.host() + ":" + adv.port());
        }
        if (m.serverVersion != null) b.serverVersion(m.serverVersion);
        if (m.keyspaces != null && !m.keyspaces.isEmpty()) {
            if (!"newarch".equalsIgnoreCase(m.profile.strip()) && !"new-arch".equalsIgnoreCase(m.profile.strip())) {
                throw new IllegalArgumentException("--keyspace needs --profile newarch");
            }
            b.keyspaces(m.keyspaces.toArray(String[]::new));
        }
        if (m.seed != null) b.seed(m.seed);
        if (m.startTime != null) b.startInstant(Main.instant(m.startTime));
        String token = m.controlToken != null ? m.controlToken : System.getenv(Main.TOKEN_ENV);
        if (token != null && !token.isEmpty()) b.controlToken(token);
        for (String user : m.users) {
            int colon = user.indexOf(':');
            if (colon <= 0) throw new IllegalArgumentException("--user must be NAME:PASSWORD, got '" + user + "'");
            b.user(user.substring(0, colon), user.substring(colon + 1));
        }
        if (m.clientUserRequired && m.users.isEmpty()) {
            throw new IllegalArgumentException("--client-user-required needs at least one --user NAME:PASSWORD");
        }
        if (m.clientUserRequired) b.clientUserRequired(true); // else the --scenario's, if it asks
        if (!m.pdAddrs.isEmpty()) {
            String[] urls = m.pdAddrs.toArray(String[]::new);
            try {
                FakeConfig.builder().pdAddrs(urls).build(); // the config's own check, reworded for the flag
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(e.getMessage().replaceFirst("^pdAddrs: ", "--pd-addrs: "));
            }
            b.pdAddrs(urls);
        }
        TlsFlags.configure(m, b);
    }

    record HostPort(String host, int port) {
        static HostPort parse(String flag, String s) {
            int colon = s.lastIndexOf(':');
            if (colon <= 0) throw new IllegalArgumentException(flag + " must be host:port, got '" + s + "'");
            String host = s.substring(0, colon);
            if (host.startsWith("[") && host.endsWith("]")) host = host.substring(1, host.length() - 1);
            try {
                int port = Integer.parseInt(s.substring(colon + 1));
                if (port < 0 || port > 65535) throw new NumberFormatException();
                return new HostPort(host, port);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(flag + " port must be a number from 0 to 65535, got '" + s + "'");
            }
        }
    }
}
