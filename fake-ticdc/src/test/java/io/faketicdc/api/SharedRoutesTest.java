package io.faketicdc.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.faketicdc.ChangefeedSeed;
import io.faketicdc.FakeTiCdc;
import io.faketicdc.Profile;
import io.faketicdc.internal.routes.ApiRoutes;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every fake of a profile is served by one router and one set of handlers ({@link ApiRoutes}):
 * each call still reads and changes only its own fake, also when fakes are served at once.
 */
class SharedRoutesTest {

    @ParameterizedTest
    @EnumSource(Profile.class)
    void theFakesOfAProfileShareOneRouter(Profile profile) {
        assertThat(ApiRoutes.of(profile)).isSameAs(ApiRoutes.of(profile));
    }

    @Test
    void aChangeOnOneFakeIsNotSeenByAnotherOfTheSameProfile() {
        try (FakeTiCdc a = FakeTiCdc.create().start(); FakeTiCdc b = FakeTiCdc.create().start()) {
            Http.Response created = Http.send(a.port(), "POST", "/api/v2/changefeeds",
                    "{\"changefeed_id\":\"only-on-a\",\"sink_uri\":\"blackhole://\"}");
            assertThat(created.status()).isEqualTo(200);

            assertThat(Http.send(a.port(), "GET", "/api/v2/changefeeds/only-on-a", null).status()).isEqualTo(200);
            assertThat(Http.send(b.port(), "GET", "/api/v2/changefeeds/only-on-a", null).body())
                    .contains("CDC:ErrChangeFeedNotExists");
            assertThat(b.changefeeds()).isEmpty();
        }
    }

    @Test
    void fakesServedAtOnceEachAnswerWithTheirOwnChangefeeds() throws Exception {
        List<FakeTiCdc> fakes = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            for (int i = 0; i < 4; i++) {
                FakeTiCdc fake = FakeTiCdc.create().start();
                fakes.add(fake);
                for (int n = 0; n <= i; n++) fake.seed(ChangefeedSeed.builder("cf-" + i + "-" + n).build());
            }
            List<Future<String>> answers = new ArrayList<>();
            for (int round = 0; round < 50; round++) {
                for (FakeTiCdc fake : fakes) {
                    Callable<String> list = () -> Http.send(fake.port(), "GET", "/api/v2/changefeeds", null).body();
                    answers.add(pool.submit(list));
                }
            }
            for (int k = 0; k < answers.size(); k++) {
                int i = k % fakes.size();
                assertThat(answers.get(k).get()).startsWith("{\"total\":" + (i + 1) + ",").contains("\"id\":\"cf-" + i + "-0\"");
            }
        } finally {
            pool.shutdownNow();
            fakes.forEach(FakeTiCdc::close);
        }
    }
}
