package io.faketicdc.samples;

import java.time.Duration;

/**
 * The waits of a rolling restart.
 *
 * @param ownerPollInterval between two reads of the captures after a resign (TiUP: 2 s)
 * @param ownerTimeout      how long another capture may take to become owner (TiUP: 10 s)
 * @param drainInterval     between two drain requests (TiUP: 1 s)
 * @param drainTimeout      how long draining may take
 * @param restartInterval   between two reads of the restarted capture's status and health
 * @param restartTimeout    how long the restarted capture may take to be alive and the cluster healthy
 */
public record RestartSettings(Duration ownerPollInterval, Duration ownerTimeout, Duration drainInterval,
                              Duration drainTimeout, Duration restartInterval, Duration restartTimeout) {

    /** TiUP's values. */
    public static RestartSettings tiup() {
        return new RestartSettings(Duration.ofSeconds(2), Duration.ofSeconds(10), Duration.ofSeconds(1),
                Duration.ofMinutes(5), Duration.ofSeconds(1), Duration.ofMinutes(2));
    }

    /** The same steps with every wait scaled to {@code interval} and every timeout to {@code timeout}. */
    public static RestartSettings every(Duration interval, Duration timeout) {
        return new RestartSettings(interval, timeout, interval, timeout, interval, timeout);
    }
}
