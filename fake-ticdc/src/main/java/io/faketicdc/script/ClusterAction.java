package io.faketicdc.script;

/** Something happening to the whole cluster. */
public record ClusterAction(Kind kind) implements Action {

    public enum Kind {
        /** The owner resigns; the next election runs at once. */
        RESIGN_OWNER,
        /** /health answers 500 CDC:ErrClusterIsUnhealthy. */
        UNHEALTHY,
        HEALTHY,
        /**
         * A new capture process joins in a new slot after the last: a new port (random, or the
         * base port + slot), a new capture ID, alive; it holds no tables until some move to it.
         */
        ADD_CAPTURE
    }
}
