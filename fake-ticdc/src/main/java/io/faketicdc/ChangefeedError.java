package io.faketicdc;

import java.time.Instant;

/** A changefeed's recorded error or warning, as the real server records it. */
public record ChangefeedError(Instant time, String addr, String code, String message) { }
