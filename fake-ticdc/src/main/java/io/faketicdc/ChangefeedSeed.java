package io.faketicdc;

/**
 * A changefeed to put into a fake directly, in any state, without going through the API.
 *
 * @param namespace     {@code default} when null
 * @param id            required
 * @param sinkUri       {@code blackhole://} when null
 * @param state         {@code NORMAL} when null
 * @param startTs       0: the current TSO
 * @param targetTs      0: none
 * @param checkpointTs  0: the start ts
 * @param replicaConfig JSON merged onto the default config as create does; null for the default
 * @param errorCode     the recorded error (failed/pending) or warning (warning), or null
 * @param errorMessage  its message
 */
public record ChangefeedSeed(String namespace, String id, String sinkUri, ChangefeedState state, long startTs,
                             long targetTs, long checkpointTs, String replicaConfig, String errorCode,
                             String errorMessage) {

    public ChangefeedSeed {
        if (id == null || id.isEmpty()) throw new IllegalArgumentException("a seeded changefeed needs an id");
    }

    public static Builder builder(String id) {
        return new Builder(id);
    }

    public static final class Builder {
        private final String id;
        private String namespace;
        private String sinkUri;
        private ChangefeedState state;
        private long startTs;
        private long targetTs;
        private long checkpointTs;
        private String replicaConfig;
        private String errorCode;
        private String errorMessage;

        private Builder(String id) {
            this.id = id;
        }

        public Builder namespace(String namespace) { this.namespace = namespace; return this; }
        public Builder sinkUri(String sinkUri) { this.sinkUri = sinkUri; return this; }
        public Builder state(ChangefeedState state) { this.state = state; return this; }
        public Builder startTs(long ts) { this.startTs = ts; return this; }
        public Builder targetTs(long ts) { this.targetTs = ts; return this; }
        public Builder checkpointTs(long ts) { this.checkpointTs = ts; return this; }
        public Builder replicaConfig(String json) { this.replicaConfig = json; return this; }

        public Builder error(String code, String message) {
            this.errorCode = code;
            this.errorMessage = message;
            return this;
        }

        public ChangefeedSeed build() {
            return new ChangefeedSeed(namespace, id, sinkUri, state, startTs, targetTs, checkpointTs, replicaConfig,
                    errorCode, errorMessage);
        }
    }
}
