package io.faketicdc.samples;

/**
 * What a rolling restart of one capture did.
 *
 * @param target            the capture before the restart
 * @param resigned          whether it was the owner and resigned first
 * @param ownerDuringDrain  the owner's address while the target was drained
 * @param drain             how draining ended
 * @param drainRequests     how many drain requests were sent
 * @param restartedId       the capture ID of the restarted process
 */
public record RestartReport(Capture target, boolean resigned, String ownerDuringDrain, DrainOutcome drain,
                            int drainRequests, String restartedId) { }
