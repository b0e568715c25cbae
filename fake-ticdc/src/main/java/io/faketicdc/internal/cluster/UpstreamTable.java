package io.faketicdc.internal.cluster;

import java.util.List;

/** A table of the fake upstream TiDB: {@code {database_name, table_name, table_id, is_partition}}. */
public record UpstreamTable(String database, String table, long id, boolean partition) {

    /** What the fake upstream holds unless told otherwise: four tables in database {@code test}. */
    public static List<UpstreamTable> defaults() {
        return List.of(new UpstreamTable("test", "t1", 104, false), new UpstreamTable("test", "t2", 106, false),
                new UpstreamTable("test", "t3", 108, false), new UpstreamTable("test", "t4", 110, false));
    }
}
