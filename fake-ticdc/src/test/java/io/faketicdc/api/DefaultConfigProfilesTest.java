package io.faketicdc.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.faketicdc.FakeConfig;
import io.faketicdc.Profile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Each profile's default replica config equals the published JSON file, key order included. */
class DefaultConfigProfilesTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /**
     * The reference file: the shared folder's copy when it sits beside the project (the source of
     * truth while developing), else the copy under src/test/resources/reference (a clean clone in
     * CI has only the repository); {@link ReferenceCopies} keeps the two equal.
     */
    static Path shared(String file) {
        Path beside = besideTheProject(file);
        if (Files.exists(beside)) return beside;
        Path bundled = bundled(file);
        assertThat(bundled).as("the reference copy in src/test/resources").exists();
        return bundled;
    }

    static Path besideTheProject(String file) {
        return Paths.get(System.getProperty("shared.dir", "../../shared"), "ticdc-api", file);
    }

    static Path bundled(String file) {
        return Paths.get("src/test/resources/reference", file);
    }

    /** The config object of a create response, parsed preserving key order. */
    static String createdConfig(ApiTestBase test) {
        Http.Response r = test.create("{\"changefeed_id\":\"d\",\"sink_uri\":\"blackhole://\"}");
        int start = r.body().indexOf("\"config\":") + 9;
        int end = r.body().indexOf(",\"state\":");
        return r.body().substring(start, end);
    }

    static void assertSameJson(String actual, Path expectedFile) throws IOException {
        JsonNode expected = MAPPER.readTree(Files.readString(expectedFile));
        // compact re-serialisation keeps key order, so this compares order too
        assertThat(actual).isEqualTo(MAPPER.writeValueAsString(expected)
                .replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026"));
    }

    @Nested
    class ReferenceCopies {
        @org.junit.jupiter.params.ParameterizedTest
        // the newarch copy is derived here from pingcap/ticdc (docs/PROFILES.md); shared/ has no such file
        @org.junit.jupiter.params.provider.ValueSource(strings = {"default-replica-config.json", "default-replica-config-v7.3.json"})
        void theBundledCopyEqualsTheSharedFileWhenThatIsPresent(String file) throws IOException {
            Path beside = besideTheProject(file);
            org.junit.jupiter.api.Assumptions.assumeTrue(Files.exists(beside), "no shared folder beside this clone");
            assertThat(Files.readString(bundled(file))).isEqualTo(Files.readString(beside));
        }
    }

    /** The data file each profile reads its default from (src/main/resources/io/faketicdc/profiles/). */
    @Nested
    class DataFiles {
        @Test
        void masterDefaultReplicaConfigJsonIsTheReference() throws IOException {
            assertSameJson(Expected.defaultConfig(Profile.MASTER), shared("default-replica-config.json"));
        }

        @Test
        void v73DefaultReplicaConfigJsonIsTheReference() throws IOException {
            assertSameJson(Expected.defaultConfig(Profile.V7_3), shared("default-replica-config-v7.3.json"));
        }

        /**
         * The new architecture's default: pingcap/ticdc pkg/config/replica_config.go
         * (defaultReplicaConfig; the constants of pkg/config/sink.go, server.go,
         * scheduler_config.go, filter.go, pkg/redo/config.go, pkg/integrity/integrity.go) as
         * api/v2/model.go ToAPIReplicaConfig copies it into v2.ReplicaConfig, in that struct's
         * field order (every field a pointer with omitempty: unset ones are left out).
         */
        @Test
        void newarchDefaultReplicaConfigJsonIsTheReference() throws IOException {
            assertSameJson(Expected.defaultConfig(Profile.NEWARCH), shared("default-replica-config-newarch.json"));
        }

        @Test
        void theMasterPiecesOtherExpectationsUseMakeUpTheDefault() {
            assertThat(Expected.DEFAULT_HEAD + "\"sink\":" + Expected.DEFAULT_SINK + ",\"consistent\":"
                    + Expected.DEFAULT_CONSISTENT + "," + Expected.DEFAULT_TAIL).isEqualTo(Expected.DEFAULT_CONFIG);
        }
    }

    @Nested
    class Master extends ApiTestBase {
        @Test
        void theDefaultConfigIsDefaultReplicaConfigJson() throws IOException {
            assertSameJson(createdConfig(this), shared("default-replica-config.json"));
        }
    }

    @Nested
    class V73 extends ApiTestBase {
        @Override
        protected void configure(FakeConfig.Builder config) {
            config.profile(Profile.V7_3);
        }

        @Test
        void theDefaultConfigIsDefaultReplicaConfigV73Json() throws IOException {
            assertSameJson(createdConfig(this), shared("default-replica-config-v7.3.json"));
        }

        @Test
        void theReportedVersionFollowsTheProfile() {
            assertThat(get("/api/v2/status").body()).contains("\"version\": \"v7.3.0\"");
        }
    }

    @Nested
    class NewArch extends ApiTestBase {
        @Override
        protected void configure(FakeConfig.Builder config) {
            config.profile(Profile.NEWARCH);
        }

        @Test
        void theDefaultConfigIsDefaultReplicaConfigNewarchJson() throws IOException {
            assertSameJson(createdConfig(this), shared("default-replica-config-newarch.json"));
        }

        @Test
        void theReportedVersionFollowsTheProfile() {
            assertThat(get("/api/v2/status").body()).contains("\"version\": \"v8.5.7\"");
        }
    }

    @Nested
    class CustomVersion extends ApiTestBase {
        @Override
        protected void configure(FakeConfig.Builder config) {
            config.serverVersion("v8.1.2");
        }

        @Test
        void theReportedVersionCanBeSet() {
            assertThat(get("/api/v2/status").body()).contains("\"version\": \"v8.1.2\"");
            assertThat(create("{\"changefeed_id\":\"d\",\"sink_uri\":\"blackhole://\"}").body())
                    .contains("\"creator_version\":\"v8.1.2\"");
        }
    }
}
