package io.faketicdc.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.faketicdc.RecordedRequest;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Under concurrent requests every exchange is recorded exactly once, in sequence order. */
class RequestJournalConcurrencyTest extends ApiTestBase {
    private static final int THREADS = 8;
    private static final int REQUESTS = 200;

    @Test
    void concurrentRequestsAreAllRecordedExactlyOnceWithIncreasingSequenceNumbers() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int thread = t;
                done.add(pool.submit(() -> {
                    for (int i = 0; i < REQUESTS; i++) {
                        String target = i % 2 == 0 ? "/api/v2/status?t=" + thread + "&i=" + i : "/probe/" + thread + "/" + i;
                        Http.send(fake.port(), "GET", target, null);
                    }
                }));
            }
            for (Future<?> f : done) f.get();
        } finally {
            pool.shutdownNow();
        }
        List<RecordedRequest> all = fake.requests().all();
        assertThat(all).hasSize(THREADS * REQUESTS);
        assertThat(fake.requests().count()).isEqualTo(THREADS * REQUESTS);
        assertThat(fake.requests().dropped()).isZero();
        for (int k = 0; k < all.size(); k++) assertThat(all.get(k).sequence()).isEqualTo(k + 1L);
        Set<String> seen = new HashSet<>();
        for (RecordedRequest r : all) assertThat(seen.add(r.pathAndQuery())).as(r.pathAndQuery()).isTrue();
        assertThat(fake.requests().count("GET", "/api/v2/status")).isEqualTo(THREADS * REQUESTS / 2);
        assertThat(fake.requests().count("GET", "/probe/:thread/:i")).isEqualTo(THREADS * REQUESTS / 2);
    }
}
