package io.faketicdc.internal.control;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonSubTypes.Type;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import io.faketicdc.RecordedRequest;
import io.faketicdc.faults.ClusterFault;
import io.faketicdc.faults.Effect;
import io.faketicdc.faults.FaultRule;
import io.faketicdc.faults.Latency;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Predicate;

/**
 * The JSON mapping of the public records (fault rules, effects, latencies, cluster faults, journal
 * records), kept here as Jackson mix-ins so the public API carries no Jackson annotations. The
 * fake's own mapper ({@link ScenarioReader#MAPPER}: control API, scenario files) registers it;
 * it is also a Jackson service module, so a user's {@code new ObjectMapper().findAndRegisterModules()}
 * writes and reads the same JSON. The type names must stay equal to {@code Effect.kind()} and
 * {@code ClusterFault.kind()} (JsonFormTest checks both).
 */
public final class JsonMixIns extends SimpleModule {

    public JsonMixIns() {
        super("fake-ticdc");
        setMixInAnnotation(FaultRule.class, FaultRuleMixIn.class);
        setMixInAnnotation(Effect.class, EffectMixIn.class);
        setMixInAnnotation(Effect.SlowBody.class, SlowBodyMixIn.class);
        setMixInAnnotation(Latency.class, LatencyMixIn.class);
        setMixInAnnotation(Latency.Fixed.class, FixedMixIn.class);
        setMixInAnnotation(Latency.Uniform.class, UniformMixIn.class);
        setMixInAnnotation(Latency.LogNormal.class, LogNormalMixIn.class);
        setMixInAnnotation(ClusterFault.class, ClusterFaultMixIn.class);
        setMixInAnnotation(ClusterFault.FlappingOwner.class, FlappingOwnerMixIn.class);
        setMixInAnnotation(RecordedRequest.class, RecordedRequestMixIn.class);
    }

    /** Absent fields for null; the Java-only body predicate is never written. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    abstract static class FaultRuleMixIn {
        @JsonIgnore abstract Predicate<String> bodyPredicate();
    }

    @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
    @JsonSubTypes({
            @Type(value = Effect.Error.class, name = "error"), @Type(value = Effect.Raw.class, name = "raw"),
            @Type(value = Effect.Delay.class, name = "delay"), @Type(value = Effect.SlowBody.class, name = "slow-body"),
            @Type(value = Effect.Reset.class, name = "reset"), @Type(value = Effect.Close.class, name = "close"),
            @Type(value = Effect.TruncatedBody.class, name = "truncated-body"),
            @Type(value = Effect.Garbage.class, name = "garbage"), @Type(value = Effect.Hang.class, name = "hang"),
            @Type(value = Effect.NotReady.class, name = "not-ready"), @Type(value = Effect.NoOwner.class, name = "no-owner"),
            @Type(value = Effect.PassThrough.class, name = "pass-through"),
            @Type(value = Effect.Sequence.class, name = "sequence")})
    interface EffectMixIn { }

    abstract static class SlowBodyMixIn {
        SlowBodyMixIn(@JsonDeserialize(using = DurationJson.In.class) Duration over, int chunks) { }

        @JsonSerialize(using = DurationJson.Out.class) abstract Duration over();
    }

    @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
    @JsonSubTypes({
            @Type(value = Latency.Fixed.class, name = "fixed"),
            @Type(value = Latency.Uniform.class, name = "uniform"),
            @Type(value = Latency.LogNormal.class, name = "log-normal")})
    interface LatencyMixIn { }

    abstract static class FixedMixIn {
        FixedMixIn(@JsonDeserialize(using = DurationJson.In.class) Duration delay) { }

        @JsonSerialize(using = DurationJson.Out.class) abstract Duration delay();
    }

    abstract static class UniformMixIn {
        UniformMixIn(@JsonDeserialize(using = DurationJson.In.class) Duration min,
                @JsonDeserialize(using = DurationJson.In.class) Duration max) { }

        @JsonSerialize(using = DurationJson.Out.class) abstract Duration min();

        @JsonSerialize(using = DurationJson.Out.class) abstract Duration max();
    }

    abstract static class LogNormalMixIn {
        LogNormalMixIn(@JsonDeserialize(using = DurationJson.In.class) Duration median, double sigma) { }

        @JsonSerialize(using = DurationJson.Out.class) abstract Duration median();
    }

    @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
    @JsonSubTypes({
            @Type(value = ClusterFault.Partition.class, name = "partition"),
            @Type(value = ClusterFault.Unresponsive.class, name = "unresponsive"),
            @Type(value = ClusterFault.StickyOwner.class, name = "sticky-owner"),
            @Type(value = ClusterFault.FlappingOwner.class, name = "flapping-owner"),
            @Type(value = ClusterFault.Unhealthy.class, name = "unhealthy")})
    interface ClusterFaultMixIn { }

    abstract static class FlappingOwnerMixIn {
        FlappingOwnerMixIn(Integer everyRequests, @JsonDeserialize(using = DurationJson.In.class) Duration every) { }

        @JsonSerialize(using = DurationJson.Out.class) abstract Duration every();
    }

    /**
     * The time as ISO-8601 (no jsr310 module needed), the bodies as text instead of base64, after
     * the components, {@code Authorization} credentials masked (the order is spelled out: Jackson would take the text accessors in
     * reflection order).
     */
    @JsonPropertyOrder({"sequence", "time", "slot", "port", "method", "path", "rawQuery", "headers", "operation",
            "forwardedTo", "forwardedFrom", "status", "contentType", "responseHeaders", "fault", "faultEffect",
            "durationNanos", "bodyText", "responseBodyText"})
    abstract static class RecordedRequestMixIn {
        @JsonSerialize(using = ToStringSerializer.class) abstract Instant time();

        /** Credentials masked (MaskedHeaders); the control API's {@code ?unmasked=true} writes them as sent. */
        @JsonSerialize(using = MaskedHeaders.class) abstract java.util.Map<String, java.util.List<String>> headers();

        @JsonIgnore abstract byte[] body();

        @JsonIgnore abstract byte[] responseBody();

        @JsonProperty("bodyText") abstract String bodyText();

        @JsonProperty("responseBodyText") abstract String responseBodyText();
    }
}
