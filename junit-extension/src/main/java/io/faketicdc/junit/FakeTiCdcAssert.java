package io.faketicdc.junit;

import io.faketicdc.CaptureInfo;
import io.faketicdc.ChangefeedHandle;
import io.faketicdc.FakeTiCdc;
import io.faketicdc.RecordedRequest;
import io.faketicdc.junit.internal.AssertionMessages;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions on a fake TiCDC; get one from {@link TiCdcAssertions#assertThat(FakeTiCdc)}. Every
 * failure message ends with the requests the fake received ({@code fake.requests().describe()}).
 */
public final class FakeTiCdcAssert extends AbstractAssert<FakeTiCdcAssert, FakeTiCdc> {

    FakeTiCdcAssert(FakeTiCdc actual) {
        super(actual, FakeTiCdcAssert.class);
    }

    /**
     * Assertions on a changefeed of the {@code default} namespace as the owner knows it now;
     * fails when it does not. */
    public ChangefeedAssert changefeed(String id) {
        return changefeed("default", id);
    }

    /** Assertions on a changefeed as the owner knows it now; fails when it does not. */
    public ChangefeedAssert changefeed(String namespace, String id) {
        isNotNull();
        ChangefeedHandle cf = actual.changefeed(namespace, id);
        if (!cf.exists()) {
            fail("Expecting changefeed " + namespace + "/" + id + " to exist, but the owner does not know it");
        }
        return new ChangefeedAssert(cf.snapshot(), actual.requests());
    }

    /** The fake received at least one request matching (see {@link TiCdcAssertions#request}). */
    public FakeTiCdcAssert received(Predicate<? super RecordedRequest> request) {
        isNotNull();
        if (actual.requests().matching(request).isEmpty()) {
            fail("Expecting a request matching " + request + ", but none was received");
        }
        return this;
    }

    /** The fake received exactly {@code times} requests matching. */
    public FakeTiCdcAssert receivedExactly(int times, Predicate<? super RecordedRequest> request) {
        isNotNull();
        List<RecordedRequest> matching = actual.requests().matching(request);
        if (matching.size() != times) {
            fail("Expecting " + times + (times == 1 ? " request" : " requests") + " matching " + request
                    + ", but received " + matching.size() + AssertionMessages.list(matching));
        }
        return this;
    }

    /** The fake received no request matching. */
    public FakeTiCdcAssert receivedNo(Predicate<? super RecordedRequest> request) {
        isNotNull();
        List<RecordedRequest> matching = actual.requests().matching(request);
        if (!matching.isEmpty()) {
            fail("Expecting no request matching " + request + ", but received " + matching.size()
                    + AssertionMessages.list(matching));
        }
        return this;
    }

    /**
     * The fake received requests matching these, in this order (others may come before, between and
     * after): {@code receivedInOrder(request("POST", ".../pause"), request("PUT", ".../:changefeed_id"))}
     * says the client paused before it updated.
     */
    @SafeVarargs
    public final FakeTiCdcAssert receivedInOrder(Predicate<? super RecordedRequest>... requests) {
        isNotNull();
        List<RecordedRequest> all = actual.requests().all();
        int next = 0;
        RecordedRequest previous = null;
        for (int i = 0; i < requests.length; i++) {
            RecordedRequest found = null;
            while (next < all.size() && found == null) {
                RecordedRequest r = all.get(next++);
                if (requests[i].test(r)) found = r;
            }
            if (found == null) {
                fail("Expecting requests matching, in this order:" + AssertionMessages.numbered(requests)
                        + "\nbut found none matching " + (i + 1) + ". " + requests[i]
                        + (previous == null ? "" : " after " + previous.describe()));
            }
            previous = found;
        }
        return this;
    }

    /** The capture in this slot is the owner. */
    public FakeTiCdcAssert hasOwner(int slot) {
        isNotNull();
        Optional<CaptureInfo> owner = actual.cluster().owner();
        if (owner.isEmpty()) {
            fail("Expecting the capture in slot " + slot + " to be the owner, but there is no owner");
        }
        if (owner.get().slot() != slot) {
            fail("Expecting the capture in slot " + slot + " to be the owner, but the owner is " + owner.get());
        }
        return this;
    }

    private void fail(String message) {
        failWithMessage("%s", AssertionMessages.withJournal(message, actual.requests()));
    }
}
