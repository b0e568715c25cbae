package io.faketicdc.internal.script;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.faketicdc.ChangefeedSeed;
import io.faketicdc.FakeConfig;
import io.faketicdc.Profile;
import io.faketicdc.internal.cluster.ChangefeedKey;
import io.faketicdc.internal.cluster.Cluster;
import io.faketicdc.internal.json.GoStruct;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Seeding: a seed without config or sink gets the config checked once per profile, frozen and shared. */
class SeederTest {

    @ParameterizedTest
    @EnumSource(Profile.class)
    void a_plain_seed_gets_the_config_a_seed_naming_the_defaults_gets(Profile profile) {
        Cluster cluster = cluster(profile);
        Seeder.seed(cluster, ChangefeedSeed.builder("plain").build());
        Seeder.seed(cluster, ChangefeedSeed.builder("named").replicaConfig("{}").sinkUri("blackhole://").build());
        assertThat(config(cluster, "plain")).isEqualTo(config(cluster, "named"));
    }

    @Test
    void plain_seeds_share_one_frozen_config_and_a_change_to_one_replaces_only_its_own() {
        Cluster cluster = cluster(Profile.MASTER);
        Seeder.seedAll(cluster, List.of(ChangefeedSeed.builder("a").build(), ChangefeedSeed.builder("b").build()));
        Cluster other = cluster(Profile.MASTER);
        Seeder.seed(other, ChangefeedSeed.builder("a").build());
        GoStruct shared = config(cluster, "a");
        assertThat(shared.frozen()).isTrue();
        assertThat(config(cluster, "b")).isSameAs(shared);
        assertThat(config(other, "a")).isSameAs(shared);
        assertThatThrownBy(() -> shared.struct("filter").set("rules", List.of("db.t"))).isInstanceOf(IllegalStateException.class);

        GoStruct changed = shared.copy();
        changed.struct("filter").set("rules", List.of("db.t"));
        cluster.changefeed(new ChangefeedKey(ChangefeedKey.DEFAULT_NAMESPACE, "a")).update("blackhole://", 0, changed);
        assertThat(config(cluster, "a").struct("filter").get("rules")).isEqualTo(List.of("db.t"));
        assertThat(config(cluster, "b")).isSameAs(shared);
        assertThat(shared.struct("filter").get("rules")).isNotEqualTo(List.of("db.t"));
    }

    private static Cluster cluster(Profile profile) {
        return new Cluster(FakeConfig.builder().profile(profile).build(), List.of("127.0.0.1:8300"));
    }

    private static GoStruct config(Cluster cluster, String id) {
        return cluster.changefeed(new ChangefeedKey(ChangefeedKey.DEFAULT_NAMESPACE, id)).config();
    }
}
