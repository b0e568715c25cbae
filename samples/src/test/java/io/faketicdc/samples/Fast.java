package io.faketicdc.samples;

import static java.time.Duration.ofMillis;
import static java.time.Duration.ofSeconds;

/** Client settings that keep tests fast: the fake answers in microseconds, so waits can be short. */
final class Fast {
    private Fast() { }

    /**
     * Back-off from 5 to 50 ms, polls every 5 ms. Timeouts are generous (requests 2 s, retries 5 s,
     * states 3 s) because a JVM's first HTTP exchange can take half a second on a loaded CI
     * machine; tests about giving up set short ones themselves.
     */
    static ClientSettings client() {
        return ClientSettings.defaults()
                .withRequestTimeout(ofSeconds(2))
                .withBackoff(ofMillis(5), ofMillis(50))
                .withRetryTimeout(ofSeconds(5))
                .withPolling(ofMillis(5), ofSeconds(3));
    }

    /** TiUP's steps, polling every 10 ms (TiUP: 1-2 s) and giving up after 3 s. */
    static RestartSettings restart() {
        return RestartSettings.every(ofMillis(10), ofSeconds(3));
    }
}
