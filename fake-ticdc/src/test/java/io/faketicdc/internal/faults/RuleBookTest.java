package io.faketicdc.internal.faults;

import static org.assertj.core.api.Assertions.assertThat;

import io.faketicdc.faults.Effect;
import io.faketicdc.faults.FaultRule;
import io.faketicdc.internal.http.ApiRequest;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The request rules: decided under the book's lock when there are rules, without it when there are none. */
class RuleBookTest {
    private static final ApiRequest LIST = new ApiRequest("GET", "/api/v2/changefeeds", null, Map.of(), new byte[0], 0, 1);

    @Test
    void withNoRuleARequestDecidesWithoutTheBooksLock() throws Exception {
        RuleBook book = new RuleBook(7);
        CompletableFuture<Optional<RuleBook.Decision>> decided = new CompletableFuture<>();
        // every request thread of a port asks the book; held elsewhere, its lock must not queue them
        synchronized (book) {
            new Thread(() -> decided.complete(Optional.ofNullable(book.decide(LIST, null))), "request").start();
            assertThat(decided.get(10, TimeUnit.SECONDS)).isEmpty();
        }
    }

    @Test
    void aRuleAddedDecidesUntilItIsRemovedOrTheBookCleared() {
        RuleBook book = new RuleBook(7);
        book.add(FaultRule.onAnyRequest().id("down").respond(Effect.reset()), List.of());
        assertThat(book.decide(LIST, null)).extracting(RuleBook.Decision::ruleId).isEqualTo("down");
        assertThat(book.remove("down")).isTrue();
        assertThat(book.decide(LIST, null)).isNull();
        book.add(FaultRule.onAnyRequest().id("again").respond(Effect.reset()), List.of());
        assertThat(book.decide(LIST, null)).isNotNull();
        book.clear();
        assertThat(book.decide(LIST, null)).isNull();
    }
}
