package io.faketicdc.standalone.verify;

import io.faketicdc.Profile;
import io.faketicdc.internal.config.ProfileTraits;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * One black-box case: a sentence name, the upstream file whose behaviour it checks (as
 * {@code pingcap/tiflow cdc/api/v2/changefeed.go}), what it may do to the target, topic tags,
 * the profiles it applies to (by their traits), and the steps.
 */
public record Case(String name, String source, Kind kind, List<String> topics, Predicate<ProfileTraits> appliesTo, Body body) {
    /** What a case may do to the target. */
    public enum Kind {
        /** Only reads and requests a conforming server refuses: nothing is created or changed. */
        READ_ONLY("read-only"),
        /** Creates {@code blackhole://} changefeeds named with the run's prefix and removes them. */
        CHANGES("changes"),
        /** Touches a capture (resigns the owner): only with {@code --include-disruptive}. */
        DISRUPTIVE("disruptive");

        final String tag;

        Kind(String tag) {
            this.tag = tag;
        }
    }

    /** A case's steps; an unmet expectation throws from the {@link Ctx} checks. */
    @FunctionalInterface
    public interface Body {
        void run(Ctx ctx);
    }

    /** Whether the case runs on {@code profile} (otherwise it is skipped there and not listed). */
    public boolean runsOn(Profile profile) {
        return appliesTo.test(ProfileTraits.of(profile));
    }

    /** Its kind's tag and its topics. */
    public Set<String> tags() {
        Set<String> tags = new LinkedHashSet<>();
        tags.add(kind.tag);
        tags.addAll(topics);
        return tags;
    }

    /** The classic kernel's routes (pingcap/tiflow): master and v7.3. */
    static final Predicate<ProfileTraits> TIFLOW = t -> t.routeSet() == ProfileTraits.RouteSet.TIFLOW;
    /** The new architecture's routes (pingcap/ticdc api/v2/api.go, api/v1/api.go). */
    static final Predicate<ProfileTraits> TICDC = t -> t.routeSet() == ProfileTraits.RouteSet.TICDC;

    static Case read(String name, String source, String topic, Body body) {
        return new Case(name, source, Kind.READ_ONLY, List.of(topic), t -> true, body);
    }

    static Case changes(String name, String source, String topic, Body body) {
        return new Case(name, source, Kind.CHANGES, List.of(topic), t -> true, body);
    }

    /** The same case, only for profiles whose traits pass {@code when}. */
    Case onlyWhere(Predicate<ProfileTraits> when) {
        return new Case(name, source, kind, topics, appliesTo.and(when), body);
    }
}
