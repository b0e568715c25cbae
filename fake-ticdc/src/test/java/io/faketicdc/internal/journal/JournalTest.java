package io.faketicdc.internal.journal;

import static org.assertj.core.api.Assertions.assertThat;

import io.faketicdc.RecordedRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/** The ring and its lock, without HTTP in the way. */
class JournalTest {

    private static Journal.Entry exchange(String path) {
        return seq -> new RecordedRequest(seq, Instant.EPOCH, 0, 1, "GET", path, null, null, null,
                null, null, null, 200, null, null, null, 0);
    }

    @Test
    void writersRacingPastTheCapacityLoseNothingButTheOldest() throws Exception {
        Journal journal = new Journal(100);
        CompletableFuture<RecordedRequest> last = CompletableFuture.supplyAsync(
                () -> journal.await(r -> r.path().equals("/done"), Duration.ofSeconds(30)));
        List<Thread> writers = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            int thread = t;
            Thread w = new Thread(() -> {
                for (int i = 0; i < 10_000; i++) journal.record(exchange("/" + thread + "/" + i));
            });
            w.start();
            writers.add(w);
        }
        for (Thread w : writers) w.join();
        journal.record(exchange("/done"));
        assertThat(journal.count()).isEqualTo(100);
        assertThat(journal.dropped()).isEqualTo(80_001 - 100);
        assertThat(journal.all()).extracting(RecordedRequest::sequence)
                .containsExactlyElementsOf(LongStream.rangeClosed(79_902, 80_001).boxed().toList());
        assertThat(last.get().sequence()).isEqualTo(80_001);
    }

    @Test
    void recordsStoredOutOfOrderAreKeptInSequenceOrderAndAwaitSeesThemAll() {
        Journal journal = new Journal(3);
        long first = journal.reserve();
        long second = journal.reserve();
        long third = journal.reserve();
        journal.record(second, exchange("/second"));
        journal.record(third, exchange("/third"));
        journal.record(first, exchange("/first"));
        assertThat(journal.all()).extracting(r -> r.path()).containsExactly("/first", "/second", "/third");
        assertThat(journal.await(r -> r.path().equals("/first"), java.time.Duration.ofMillis(10)).sequence()).isEqualTo(first);
        journal.record(exchange("/fourth"));
        assertThat(journal.all()).extracting(r -> r.path()).containsExactly("/second", "/third", "/fourth");
        assertThat(journal.dropped()).isEqualTo(1);
    }

    @Test
    void aDisabledJournalKeepsNothing() {
        Journal journal = new Journal(0);
        journal.record(exchange("/x"));
        assertThat(journal.all()).isEmpty();
        assertThat(journal.enabled()).isFalse();
    }
}
