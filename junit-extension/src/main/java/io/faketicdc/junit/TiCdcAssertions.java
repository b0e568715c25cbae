package io.faketicdc.junit;

import io.faketicdc.ChangefeedHandle;
import io.faketicdc.ChangefeedState;
import io.faketicdc.FakeTiCdc;
import io.faketicdc.RecordedRequest;
import java.util.concurrent.Callable;
import java.util.function.Predicate;

/**
 * AssertJ assertions on a fake TiCDC, with failure messages that show the requests it received.
 * Needs AssertJ on the test classpath (the extension itself does not).
 *
 * <pre>{@code
 * import static io.faketicdc.junit.TiCdcAssertions.assertThat;
 * import static io.faketicdc.junit.TiCdcAssertions.request;
 *
 * assertThat(fake).changefeed("cf").isInState(ChangefeedState.STOPPED).hasCheckpointAtLeast(ts);
 * assertThat(fake).receivedInOrder(
 *         request("POST", "/api/v2/changefeeds/:changefeed_id/pause"),
 *         request("PUT", "/api/v2/changefeeds/:changefeed_id"));
 * }</pre>
 *
 * <p>For code that acts asynchronously, {@link #stateOf} and {@link #checkpointOf} read a
 * changefeed for a poller such as Awaitility:
 * {@code await().until(stateOf(fake, "cf"), state -> state == ChangefeedState.STOPPED)}.
 */
public final class TiCdcAssertions {
    private TiCdcAssertions() { }

    /** Assertions on the fake: its changefeeds, its owner and the requests it received. */
    public static FakeTiCdcAssert assertThat(FakeTiCdc fake) {
        return new FakeTiCdcAssert(fake);
    }

    /**
     * Requests with this method (null or {@code *}: any) and a path matching a gin pattern
     * ({@code /api/v2/changefeeds/:changefeed_id/pause}) or equal to an exact path; prints as
     * {@code POST /api/v2/changefeeds/:changefeed_id/pause} in failure messages.
     */
    public static Predicate<RecordedRequest> request(String method, String pathPattern) {
        return RecordedRequest.matches(method, pathPattern);
    }

    /**
     * The state of a changefeed of the {@code default} namespace each time it is called; null while
     * the owner does not know the changefeed (not created yet, or in realistic-async mode not yet
     * adopted).
     */
    public static Callable<ChangefeedState> stateOf(FakeTiCdc fake, String changefeedId) {
        return () -> {
            ChangefeedHandle cf = fake.changefeed(changefeedId);
            return cf.exists() ? cf.state() : null;
        };
    }

    /**
     * The checkpoint TSO of a changefeed of the {@code default} namespace each time it is called;
     * null while the owner does not know the changefeed.
     */
    public static Callable<Long> checkpointOf(FakeTiCdc fake, String changefeedId) {
        return () -> {
            ChangefeedHandle cf = fake.changefeed(changefeedId);
            return cf.exists() ? cf.checkpointTs() : null;
        };
    }
}
