package io.faketicdc.junit.internal;

import io.faketicdc.RecordedRequest;
import io.faketicdc.RequestJournal;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which requests a test may make: checked against the journal after the test. A 404 is a route
 * the server does not have (the fake answers it as the real server does), so it is unexpected
 * when {@code failOnNotFound}; with {@code allowOnly} non-empty, so is every request whose
 * operation is not listed (404s and redirects have none).
 *
 * @param failOnNotFound whether a 404 fails the test
 * @param allowOnly      the operations allowed ({@code "create changefeed"}); empty: any
 */
public record RequestPolicy(boolean failOnNotFound, Set<String> allowOnly) {
    public RequestPolicy {
        allowOnly = Set.copyOf(allowOnly);
    }

    /** Whether anything is checked. */
    public boolean active() {
        return failOnNotFound || !allowOnly.isEmpty();
    }

    /** The kept requests this policy rejects, oldest first. */
    public List<RecordedRequest> violations(RequestJournal journal) {
        if (!active()) return List.of();
        return journal.matching(r -> reason(r) != null);
    }

    /** Why a request is unexpected, or null when it is not. */
    String reason(RecordedRequest r) {
        if (r.status() == 404) return active() ? "no such route on the TiCDC server" : null;
        if (allowOnly.isEmpty() || allowOnly.contains(r.operation())) return null;
        return "not in allowOnly " + allowOnly.stream().sorted().collect(Collectors.joining("\", \"", "[\"", "\"]"));
    }

    /** The failure message for {@code violations} (not empty), followed by the whole journal. */
    public String failureMessage(List<RecordedRequest> violations, RequestJournal journal) {
        StringBuilder b = new StringBuilder("fake-ticdc received ").append(violations.size())
                .append(violations.size() == 1 ? " unexpected request:" : " unexpected requests:");
        for (RecordedRequest r : violations) b.append("\n  ").append(r.describe()).append(": ").append(reason(r));
        return b.append("\nall requests:\n").append(journal.describe()).toString();
    }
}
