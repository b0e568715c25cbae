package io.faketicdc.standalone.verify;

import static org.assertj.core.api.Assertions.assertThat;

import io.faketicdc.FakeTiCdc;
import io.faketicdc.Profile;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The fake passes its own conformance kit, for every profile, and leaves nothing behind. */
class KitTest {
    @ParameterizedTest
    @EnumSource(Profile.class)
    void the_fake_passes_every_case_of_its_own_kit_and_nothing_is_left_behind(Profile profile) {
        try (FakeTiCdc fake = FakeTiCdc.create(c -> c.profile(profile)).start()) {
            Target target = Target.of(fake.baseUrl(), null);
            Kit.Run run = new Kit(target, profile, new RunNames("test01"), List.of())
                    .run(new Selection(List.of(), true).apply(Cases.all()), r -> { });
            String failures = run.results().stream().filter(r -> r.outcome() == CaseResult.Outcome.FAILED)
                    .map(CaseResult::line).collect(Collectors.joining("\n"));
            assertThat(failures).as("failures on %s", profile).isEmpty();
            assertThat(run.count(CaseResult.Outcome.PASSED)).isGreaterThan(35);
            assertThat(fake.changefeeds()).as("changefeeds left").isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(Profile.class)
    void read_only_cases_alone_send_nothing_but_reads_and_refused_requests(Profile profile) {
        try (FakeTiCdc fake = FakeTiCdc.create(c -> c.profile(profile)).start()) {
            Kit.Run run = new Kit(Target.of(fake.baseUrl(), null), profile, new RunNames("test02"), List.of())
                    .run(new Selection(List.of("read-only"), false).apply(Cases.all()), r -> { });
            assertThat(run.results()).allSatisfy(r -> assertThat(r.kase().kind()).isEqualTo(Case.Kind.READ_ONLY));
            assertThat(run.passed()).isTrue();
            assertThat(run.results()).flatMap(CaseResult::transcript).allSatisfy(e -> assertThat(e.method().equals("GET")
                    || e.requestLine().equals("POST /api/v2/tso") || e.requestLine().equals("POST /api/v2/verify_table") || e.method().equals("DELETE") || e.reply().status() >= 300)
                    .as("%s answered %d", e.requestLine(), e.reply().status()).isTrue());
            assertThat(fake.changefeeds()).isEmpty();
        }
    }

    @org.junit.jupiter.api.Test
    void against_a_server_whose_owner_applies_changes_on_a_later_tick_the_kit_waits_for_them() {
        try (FakeTiCdc fake = FakeTiCdc.create(c -> c.realisticAsync(true)).start()) {
            Kit.Run run = new Kit(Target.of(fake.baseUrl(), null), Profile.MASTER, new RunNames("test03"), List.of())
                    .run(new Selection(List.of("lifecycle", "v1"), false).apply(Cases.all()), r -> { });
            assertThat(run.results()).filteredOn(r -> r.outcome() == CaseResult.Outcome.FAILED).extracting(CaseResult::line).isEmpty();
            assertThat(fake.changefeeds()).isEmpty();
        }
    }
}
