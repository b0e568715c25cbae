package io.faketicdc;

import java.util.Optional;

/** A changefeed as the owner knows it at one instant. */
public record ChangefeedSnapshot(String namespace, String id, ChangefeedState state, String sinkUri, long startTs,
                                 long targetTs, long checkpointTs, long resolvedTs, Optional<ChangefeedError> error,
                                 Optional<ChangefeedError> warning) { }
