package io.faketicdc.script;

/** Something happening to the whole cluster. */
public record ClusterAction(Kind kind) implements Action {

    public enum Kind {
        /** The owner resigns; the next election runs at once. */
        RESIGN_OWNER,
        /** /health answers 500 CDC:ErrClusterIsUnhealthy. */
        UNHEALTHY,
        HEALTHY
    }
}
