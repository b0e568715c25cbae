package io.faketicdc.internal.cluster;

import java.util.List;

/** A table of the fake upstream TiDB: {@code {database_name, table_name, table_id, is_partition}}. */
public record UpstreamTable(String database, String table, long id, boolean partition) {

    /**
     * Which of {@code tables} a config's filter selects (TableFilters; needs no lock: the cluster's
     * list is immutable, and nothing is cached).
     */
    public static boolean[] selectedBy(io.faketicdc.internal.json.GoStruct config, List<UpstreamTable> tables) {
        return io.faketicdc.internal.config.TableFilters.select(config, tables.size(), i -> tables.get(i).database(),
                i -> tables.get(i).table());
    }

    /** What the fake upstream holds unless told otherwise: four tables in database {@code test}. */
    public static List<UpstreamTable> defaults() {
        return List.of(new UpstreamTable("test", "t1", 104, false), new UpstreamTable("test", "t2", 106, false),
                new UpstreamTable("test", "t3", 108, false), new UpstreamTable("test", "t4", 110, false));
    }
}
