package io.faketicdc.samples;

/** How draining a capture before its restart ended. */
public enum DrainOutcome {
    /** {@code current_table_count} reached 0. */
    DRAINED,
    /** Nothing to drain: TiCDC said {@code CDC:ErrSchedulerRequestFailed} (one capture, or the owner) or {@code CDC:ErrCaptureNotExist}. */
    NOTHING_TO_DRAIN,
    /** 503 {@code CDC:ErrVersionIncompatible}: the cluster cannot drain; restart without draining, as TiUP does. */
    SKIPPED_VERSION_INCOMPATIBLE,
    /** 404: a TiCDC too old to drain. */
    SKIPPED_NO_DRAIN_API
}
