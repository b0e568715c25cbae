package io.faketicdc;

/**
 * A snapshot of one capture process.
 *
 * @param slot     its process slot: 0 for the first port, 1 for the next...
 * @param id       the capture ID of its current session (a restart gets a new one)
 * @param address  its advertised {@code host:port}
 * @param liveness {@code 0} alive, {@code 1} stopping
 * @param owner    whether it is the owner now
 * @param ready    whether it answers the API (a capture that is not ready answers 503)
 */
public record CaptureInfo(int slot, String id, String address, int liveness, boolean owner, boolean ready) { }
