package io.faketicdc.internal.control;

import io.faketicdc.CaptureInfo;
import io.faketicdc.ChangefeedSeed;
import io.faketicdc.ChangefeedSnapshot;
import io.faketicdc.FakeConfig;
import io.faketicdc.RequestJournal;
import io.faketicdc.faults.Faults;
import io.faketicdc.script.Step;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The fake as the control API sees it: the few things its routes read and do, in value types, so
 * that this package never names the facade classes. {@code FakeTiCdc} hands one to {@link ControlGate};
 * each method does what the Java API call of the same name does, with the same errors.
 */
public interface ControlledFake {
    FakeConfig config();

    /** The captures in the cluster now, by slot. */
    List<CaptureInfo> captures();

    /** {@code http://host:port} of the capture in a slot. */
    String baseUrl(int slot);

    /** The changefeeds the owner knows now, sorted by namespace and ID. */
    List<ChangefeedSnapshot> changefeeds();

    /** One changefeed now; a null or empty namespace is the default one. */
    ChangefeedSnapshot changefeed(String namespace, String id);

    RequestJournal requests();

    /** The first matching record since the last clear, when it arrives, holding no thread; fails after {@code timeout}. */
    java.util.concurrent.CompletableFuture<io.faketicdc.RecordedRequest> awaitRequest(
            java.util.function.Predicate<? super io.faketicdc.RecordedRequest> predicate, Duration timeout);

    /** One page of matching records numbered after {@code since}: at most {@code limit}, about {@code maxBytes}. */
    List<io.faketicdc.RecordedRequest> requestPage(java.util.function.Predicate<? super io.faketicdc.RecordedRequest> predicate,
            long since, int limit, long maxBytes);

    Faults faults();

    Instant now();

    /** Whether the clock follows real time. */
    boolean ticking();

    void advanceClock(Duration d);

    void setClock(Instant instant);

    /** Back to the state right after start. */
    void reset();

    /** Runs a batch of steps all or nothing ({@code BatchItemException} names the refused one). */
    void run(List<Step> steps);

    /** Seeds a batch all or nothing ({@code BatchItemException} names the refused one). */
    void seed(List<ChangefeedSeed> seeds);

    /** Adds fault rules and cluster faults all or nothing; answers their IDs in order. */
    List<String> addFaults(List<?> faults);

    /**
     * Parses a scenario and loads it. Taken as text so that this package need not name the scenario
     * types (whose parser lives here); a bad one throws an {@link IllegalArgumentException}.
     */
    void loadScenario(String json, String source);

    /** The downstreams a script holds down now ({@code host:port} or a host alone). */
    List<String> downstreamsDown();
}
