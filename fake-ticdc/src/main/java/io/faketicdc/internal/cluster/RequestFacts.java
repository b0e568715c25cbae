package io.faketicdc.internal.cluster;

/** What the cluster's timeline needs to know of a request to count it. */
public record RequestFacts(String method, String path, String operation, int slot) { }
