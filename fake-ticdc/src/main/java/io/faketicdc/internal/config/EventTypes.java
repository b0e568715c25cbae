package io.faketicdc.internal.config;

import java.util.Set;

/** The {@code ignore_event} values the event filter accepts (exact, case-sensitive), per {@link ProfileTraits}. */
final class EventTypes {
    static final Set<String> V7_3 = Set.of("all dml", "all ddl", "insert", "update", "delete",
            "create schema", "create database", "drop schema", "drop database", "create table", "drop table",
            "rename table", "truncate table", "alter table", "create view", "drop view", "add table partition",
            "drop table partition", "truncate table partition");
    static final Set<String> MASTER = Set.of("all dml", "all ddl", "insert", "update", "delete",
            "alter table", "create schema", "drop schema", "create database", "drop database", "create table",
            "drop table", "rename table", "truncate table", "create index", "drop index", "create view",
            "drop view", "add column", "drop column", "modify column", "set default value", "rebase auto id",
            "add primary key", "drop primary key", "rename index", "alter index visibility", "add foreign key",
            "drop foreign key", "add table partition", "drop table partition", "truncate table partition",
            "exchange table partition", "reorganize table partition", "alter table partitioning",
            "remove table partitioning", "modify table comment", "modify table charset and collate",
            "modify schema charset and collate", "recover table", "alter ttl info", "alter ttl remove",
            "multi schema change");

    private EventTypes() { }
}
