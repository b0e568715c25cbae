package io.faketicdc;

import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;

/**
 * Every exchange a fake answered, per receiving port, in order: {@code fake.requests()}. A request
 * a non-owner forwarded to the owner is recorded once, for the port the client called, with
 * {@link RecordedRequest#forwardedTo()}. Bounded: beyond {@link #capacity()} the oldest records
 * are dropped and counted in {@link #dropped()}. Thread-safe.
 */
public interface RequestJournal {

    /** The records kept, oldest first. */
    List<RecordedRequest> all();

    /** How many records are kept (at most {@link #capacity()}). */
    int count();

    /** The kept records the predicate accepts, oldest first. */
    List<RecordedRequest> matching(Predicate<? super RecordedRequest> predicate);

    /**
     * How many kept records have this method and a path matching a gin pattern
     * ({@code /api/v2/changefeeds/:changefeed_id/pause}) or equal to an exact path.
     */
    int count(String method, String pathPattern);

    /** The newest record; throws {@link java.util.NoSuchElementException} when there is none. */
    RecordedRequest last();

    /** Forgets every record and the dropped count; sequence numbers keep counting. */
    void clear();

    /** How many records were dropped to stay within the capacity since the last clear. */
    long dropped();

    /** The most records kept; 0 when recording is off. */
    int capacity();

    /**
     * The first record since the last {@link #clear()} the predicate accepts, waiting up to
     * {@code timeout} for it to arrive (without polling). Only kept records are seen: one dropped
     * from a full journal before {@code await} tested it is missed.
     *
     * @throws RequestNotReceivedException on timeout, listing what was received
     */
    RecordedRequest await(Predicate<? super RecordedRequest> predicate, Duration timeout);

    /** {@code await(RecordedRequest.matches(method, pathPattern), timeout)}. */
    default RecordedRequest await(String method, String pathPattern, Duration timeout) {
        return await(RecordedRequest.matches(method, pathPattern), timeout);
    }

    /** One line per kept record: {@code #3 POST /api/v2/changefeeds -> 200 (create changefeed)}. */
    String describe();
}
