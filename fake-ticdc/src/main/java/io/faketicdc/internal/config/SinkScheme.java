package io.faketicdc.internal.config;

import java.util.Set;

/** pkg/sink/sink_type.go: which family a (lower-cased) sink scheme belongs to. */
public enum SinkScheme {
    MYSQL, MQ, STORAGE, BLACKHOLE, UNSUPPORTED;

    private static final Set<String> MYSQL_SCHEMES = Set.of("mysql", "mysql+ssl", "tidb", "tidb+ssl");
    private static final Set<String> MQ_SCHEMES = Set.of("kafka", "kafka+ssl", "pulsar", "pulsar+ssl", "pulsar+http", "pulsar+https");
    private static final Set<String> STORAGE_SCHEMES = Set.of("file", "s3", "gcs", "gs", "azblob", "azure", "noop");

    public static SinkScheme of(String scheme) {
        if (MYSQL_SCHEMES.contains(scheme)) return MYSQL;
        if (MQ_SCHEMES.contains(scheme)) return MQ;
        if (STORAGE_SCHEMES.contains(scheme)) return STORAGE;
        if (scheme.equals("blackhole")) return BLACKHOLE;
        return UNSUPPORTED;
    }

    public static boolean isKafka(String scheme) {
        return scheme.equals("kafka") || scheme.equals("kafka+ssl");
    }
}
