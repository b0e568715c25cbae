package io.faketicdc.internal.cluster;

import java.time.Instant;

/** A changefeed's recorded error or warning: {@code {time, addr, code, message}}. */
public record RunningError(Instant time, String addr, String code, String message) { }
