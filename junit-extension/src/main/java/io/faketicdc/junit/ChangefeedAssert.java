package io.faketicdc.junit;

import io.faketicdc.ChangefeedError;
import io.faketicdc.ChangefeedSnapshot;
import io.faketicdc.ChangefeedState;
import io.faketicdc.RequestJournal;
import io.faketicdc.junit.internal.AssertionMessages;
import java.util.Optional;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions on one changefeed as the owner knew it when {@link FakeTiCdcAssert#changefeed(String)}
 * was called (one snapshot: chained assertions see the same state). Every failure message shows
 * the changefeed and ends with the requests the fake received.
 */
public final class ChangefeedAssert extends AbstractAssert<ChangefeedAssert, ChangefeedSnapshot> {
    private final RequestJournal journal;

    ChangefeedAssert(ChangefeedSnapshot actual, RequestJournal journal) {
        super(actual, ChangefeedAssert.class);
        this.journal = journal;
    }

    /** The changefeed is in this state. */
    public ChangefeedAssert isInState(ChangefeedState state) {
        if (actual.state() != state) {
            fail("to be " + state.wire() + ", but it was " + actual.state().wire());
        }
        return this;
    }

    /** Its checkpoint TSO is at least {@code tso}. */
    public ChangefeedAssert hasCheckpointAtLeast(long tso) {
        if (actual.checkpointTs() < tso) {
            long behindMillis = (tso >>> 18) - (actual.checkpointTs() >>> 18);
            fail("to have its checkpoint at least " + tso + ", but it was " + actual.checkpointTs()
                    + " (" + behindMillis + " ms behind)");
        }
        return this;
    }

    /** It has an error with this code ({@code "CDC:ErrSnapshotLostByGC"}). */
    public ChangefeedAssert hasErrorCode(String code) {
        Optional<ChangefeedError> error = actual.error();
        if (error.isEmpty()) fail("to have error " + code + ", but it has no error");
        if (!error.get().code().equals(code)) {
            fail("to have error " + code + ", but it has " + error.get().code() + ": " + error.get().message());
        }
        return this;
    }

    /** It has no error. */
    public ChangefeedAssert hasNoError() {
        actual.error().ifPresent(e -> fail("to have no error, but it has " + e.code() + ": " + e.message()));
        return this;
    }

    private void fail(String expectation) {
        String message = "Expecting changefeed " + actual.namespace() + "/" + actual.id() + " " + expectation
                + "\n  changefeed: " + actual;
        failWithMessage("%s", AssertionMessages.withJournal(message, journal));
    }
}
