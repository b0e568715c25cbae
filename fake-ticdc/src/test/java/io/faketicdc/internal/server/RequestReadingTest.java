package io.faketicdc.internal.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.eclipse.jetty.http.HttpFields;
import org.junit.jupiter.api.Test;

/**
 * A request's headers as the engine (and the journal) sees them: listed as the servlet API listed
 * them before requests went to Jetty's core API, so what a test reads back did not change. (The
 * path and body readings are covered end to end by the routing and binding tests.)
 */
class RequestReadingTest {

    @Test
    void headers_of_one_name_in_different_cases_are_one_entry_spelled_as_the_first_with_every_value_in_order() {
        HttpFields fields = HttpFields.build()
                .add("Accept", "application/json")
                .add("X-Token", "one")
                .add("Content-Type", "application/json")
                .add("x-token", "two")
                .add("X-TOKEN", "three");

        Map<String, List<String>> headers = RequestReading.headers(fields);

        assertThat(headers).containsExactly(
                Map.entry("Accept", List.of("application/json")),
                Map.entry("X-Token", List.of("one", "two", "three")),
                Map.entry("Content-Type", List.of("application/json")));
    }

    @Test
    void a_header_repeated_with_the_same_spelling_keeps_each_value_as_sent() {
        HttpFields fields = HttpFields.build().add("Cookie", "a=1").add("Cookie", "b=2, c=3");

        assertThat(RequestReading.headers(fields)).containsExactly(Map.entry("Cookie", List.of("a=1", "b=2, c=3")));
    }
}
