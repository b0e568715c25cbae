package io.faketicdc.internal.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** gin's path patterns, one implementation for the router, fault rules, script timings and the journal. */
class PathPatternTest {

    @Test
    void aNamedSegmentMatchesExactlyOneNonEmptySegment() {
        PathPattern p = PathPattern.compile("/api/v2/changefeeds/:changefeed_id/pause");
        assertThat(p.matches("/api/v2/changefeeds/cf-1/pause")).isTrue();
        assertThat(p.matches("/api/v2/changefeeds//pause")).isFalse();
        assertThat(p.matches("/api/v2/changefeeds/a/b/pause")).isFalse();
        assertThat(p.bind(PathPattern.segments("/api/v2/changefeeds/cf-1/pause"))).isEqualTo(Map.of("changefeed_id", "cf-1"));
    }

    @Test
    void aCatchAllMatchesTheRestOfThePathFromItsSlashOn() {
        PathPattern p = PathPattern.compile("/api/v2/changefeeds/*rest");
        assertThat(p.matches("/api/v2/changefeeds/cf-1")).isTrue();
        assertThat(p.matches("/api/v2/changefeeds/cf-1/status")).isTrue();
        assertThat(p.matches("/api/v2/changefeeds/")).isTrue();
        assertThat(p.matches("/api/v2/changefeeds")).isFalse();
        assertThat(p.matches("/api/v2/captures/x")).isFalse();
        assertThat(p.bind(PathPattern.segments("/api/v2/changefeeds/cf-1/status"))).isEqualTo(Map.of("rest", "/cf-1/status"));
    }

    @Test
    void aTrailingSlashIsASegmentOfItsOwn() {
        assertThat(PathPattern.compile("/api/v2/status").matches("/api/v2/status/")).isFalse();
        assertThat(PathPattern.compile("/api/v2/status/").matches("/api/v2/status/")).isTrue();
    }

    @Test
    void aPatternWithoutLeadingSlashMatchesOnlyItself() {
        assertThat(PathPattern.compile("relative").matches("relative")).isTrue();
        assertThat(PathPattern.compile("relative").matches("/relative")).isFalse();
        assertThat(PathPattern.compile("/:id").matches("relative")).isFalse();
    }

    @Test
    void literalSegmentsAreCompared() {
        assertThat(PathPattern.compile("/api/v2/:x").matches("/api/v1/status")).isFalse();
        assertThat(PathPattern.compile("/").matches("/")).isTrue();
        assertThat(PathPattern.compile("/").matches("/a")).isFalse();
    }
}
