package io.faketicdc.samples;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Optional;

/**
 * Restarts one capture without interrupting replication, the way TiUP does it over {@code /api/v1}:
 * find the target and the owner; if the target is the owner, resign and wait until a different
 * capture is owner (giving up when none takes over); drain its tables; let the caller restart the
 * process; then wait until the restarted capture is alive (liveness 0) and the cluster healthy.
 */
public final class RollingRestart {

    /** Stops and starts the capture's process (TiUP: systemctl restart); runs between drain and the checks. */
    @FunctionalInterface
    public interface ProcessControl {
        void restart(Capture target) throws Exception;
    }

    private final TiCdcHttp http;
    private final RestartSettings settings;
    private final CaptureDrainer drainer;

    public RollingRestart() {
        this(ClientSettings.defaults(), RestartSettings.tiup());
    }

    public RollingRestart(ClientSettings client, RestartSettings settings) {
        this.http = new TiCdcHttp(client);
        this.settings = settings;
        this.drainer = new CaptureDrainer(http, settings);
    }

    /** Restarts the capture advertising {@code address} ({@code host:port}). */
    public RestartReport restart(String address, ProcessControl process) {
        URI base = URI.create("http://" + address);
        List<Capture> captures = captures(base);
        Capture target = captures.stream().filter(c -> c.address().equals(address)).findFirst()
                .orElseThrow(() -> new RollingRestartException("no capture at " + address + " in " + captures));
        String owner = target.owner() ? resignAndAwaitNewOwner(base, target) : ownerOf(captures).map(Capture::address).orElse(null);
        CaptureDrainer.Result drain = drainer.drain(base, target);
        try {
            process.restart(target);
        } catch (Exception e) {
            throw new RollingRestartException("restarting " + address + " failed: " + e);
        }
        String restartedId = awaitAlive(base);
        awaitHealthy(base);
        return new RestartReport(target, target.owner(), owner, drain.outcome(), drain.requests(), restartedId);
    }

    private String resignAndAwaitNewOwner(URI base, Capture target) {
        ApiResponse resign = http.send(base, "POST", "/api/v1/owner/resign", null);
        if (!resign.isSuccess()) throw new RollingRestartException("resigning the owner " + target.address() + " failed: " + resign);
        long deadline = System.nanoTime() + settings.ownerTimeout().toNanos();
        while (true) {
            Optional<Capture> owner = ownerOf(captures(base));
            if (owner.isPresent() && !owner.get().address().equals(target.address())) return owner.get().address();
            if (System.nanoTime() > deadline) {
                throw new RollingRestartException("the owner did not move: " + target.address() + " is still owner "
                        + settings.ownerTimeout().toMillis() + " ms after it resigned; not draining or restarting it");
            }
            Pause.sleep(settings.ownerPollInterval());
        }
    }

    private List<Capture> captures(URI base) {
        ApiResponse r = http.send(base, "GET", "/api/v1/captures", null);
        if (!r.isSuccess()) throw new TiCdcApiException("list captures", r);
        return Capture.listFrom(r.json());
    }

    private static Optional<Capture> ownerOf(List<Capture> captures) {
        return captures.stream().filter(Capture::owner).findFirst();
    }

    /** Polls the restarted process's status until it answers with liveness 0; connection refused is expected meanwhile. */
    private String awaitAlive(URI base) {
        long deadline = System.nanoTime() + settings.restartTimeout().toNanos();
        String last;
        while (true) {
            try {
                ApiResponse status = http.once(base, "GET", "/api/v1/status", null);
                if (status.isSuccess() && status.json().path("liveness").asInt(-1) == 0) {
                    return status.json().path("id").asText();
                }
                last = status.isSuccess() ? "liveness " + status.json().path("liveness").asInt() + " (stopping)" : status.toString();
            } catch (IOException e) {
                last = e.getClass().getSimpleName() + " " + e.getMessage();
            }
            giveUpAfter(deadline, base + " did not come back alive", last);
        }
    }

    private void awaitHealthy(URI base) {
        long deadline = System.nanoTime() + settings.restartTimeout().toNanos();
        String last;
        while (true) {
            try {
                ApiResponse health = http.once(base, "GET", "/api/v1/health", null);
                if (health.status() == 200) return;
                last = health.toString();
            } catch (IOException e) {
                last = e.getClass().getSimpleName() + " " + e.getMessage();
            }
            giveUpAfter(deadline, "the cluster did not become healthy through " + base, last);
        }
    }

    private void giveUpAfter(long deadline, String what, String last) {
        if (System.nanoTime() > deadline) {
            throw new RollingRestartException(what + " within " + settings.restartTimeout().toMillis() + " ms; last: " + last);
        }
        Pause.sleep(settings.restartInterval());
    }
}
