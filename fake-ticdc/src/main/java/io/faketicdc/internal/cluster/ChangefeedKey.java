package io.faketicdc.internal.cluster;

/** Namespace + ID; sorted as the list sorts (namespace, then ID, byte order). */
public record ChangefeedKey(String namespace, String id) implements Comparable<ChangefeedKey> {
    public static final String DEFAULT_NAMESPACE = "default";

    @Override
    public int compareTo(ChangefeedKey o) {
        int c = namespace.compareTo(o.namespace);
        return c != 0 ? c : id.compareTo(o.id);
    }

    @Override
    public String toString() {
        return namespace + "/" + id;
    }
}
