package io.faketicdc.faults;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a fault does to one request: a closed set of plain-data effects. {@link #kind()} is the
 * name used in JSON ({@code {"kind":"error","status":500,...}}) and in the request journal.
 * Effects that need the real answer (pass-through, delay without {@code then}, slow and truncated
 * bodies) always call the handler; the others replace it unless the rule is
 * {@linkplain FaultRule#afterCommit() after commit}.
 */
public sealed interface Effect {

    /** The effect's name in JSON and in the journal ({@code "error"}, {@code "reset"}...). */
    default String kind() {
        if (this instanceof Error) return "error";
        if (this instanceof Raw) return "raw";
        if (this instanceof Delay) return "delay";
        if (this instanceof SlowBody) return "slow-body";
        if (this instanceof Reset) return "reset";
        if (this instanceof Close) return "close";
        if (this instanceof TruncatedBody) return "truncated-body";
        if (this instanceof Garbage) return "garbage";
        if (this instanceof Hang) return "hang";
        if (this instanceof NotReady) return "not-ready";
        if (this instanceof NoOwner) return "no-owner";
        if (this instanceof PassThrough) return "pass-through";
        if (this instanceof Sequence) return "sequence";
        throw new IllegalStateException("an effect without a kind: " + getClass());
    }

    /** A TiCDC error: status, {@code error_code} and the message after {@code [code]}, rendered as the real server does. */
    static Effect error(int status, String code, String message) { return new Error(status, code, message); }

    /** A TiCDC error with the real status rule (400 for the twelve bad-request codes, else 500). */
    static Effect error(String code, String message) { return new Error(null, code, message); }

    static Effect raw(int status, Map<String, String> headers, String body) { return new Raw(status, headers, body); }

    /** Waits, then answers for real. */
    static Effect delay(Latency latency) { return new Delay(latency, null); }

    static Effect delay(Duration delay) { return new Delay(Latency.fixed(delay), null); }

    /** Waits, then applies another effect. */
    static Effect delay(Latency latency, Effect then) { return new Delay(latency, then); }

    static Effect slowBody(Duration over, int chunks) { return new SlowBody(over, chunks); }

    static Effect reset() { return new Reset(); }

    static Effect close() { return new Close(); }

    static Effect truncatedBody() { return new TruncatedBody(); }

    static Effect garbage(String bytes) { return new Garbage(bytes); }

    static Effect hang() { return new Hang(); }

    static Effect notReady() { return new NotReady(); }

    static Effect noOwner() { return new NoOwner(); }

    static Effect passThrough() { return new PassThrough(); }

    static Effect sequence(Effect... effects) { return new Sequence(List.of(effects)); }

    /**
     * @param status  the HTTP status; null applies the real rule (400 for the bad-request codes, else 500)
     * @param code    the {@code error_code}; empty for a plain Go error ({@code error_msg} is then the message alone)
     * @param message the text after {@code [code]} in {@code error_msg}
     */
    record Error(Integer status, String code, String message) implements Effect {
        public Error {
            code = code == null ? "" : code;
            Objects.requireNonNull(message, "message");
        }
    }

    /** Any status, headers (Content-Type among them; none when absent) and body text. */
    record Raw(int status, Map<String, String> headers, String body) implements Effect {
        public Raw {
            headers = headers == null ? Map.of() : Map.copyOf(headers);
            body = body == null ? "" : body;
        }
    }

    /** Waits a drawn time, then applies {@code then} (null: the real answer). */
    record Delay(Latency latency, Effect then) implements Effect {
        public Delay {
            Objects.requireNonNull(latency, "latency");
            if (then instanceof Sequence) throw new IllegalArgumentException("a delay cannot wrap a sequence");
        }
    }

    /** The real answer's bytes trickled over a span, in this many flushed chunks. */
    record SlowBody(Duration over, int chunks) implements Effect {
        public SlowBody {
            Objects.requireNonNull(over, "over");
            if (chunks < 1) throw new IllegalArgumentException("chunks must be >= 1: " + chunks);
        }
    }

    /** Connection reset by peer (RST), no response. */
    record Reset() implements Effect { }

    /** The connection closes (FIN) without a response. */
    record Close() implements Effect { }

    /** The real status and headers with the full Content-Length, half the body, then the connection closes. */
    record TruncatedBody() implements Effect { }

    /** These bytes (ISO-8859-1 text) instead of a response, then the connection closes. */
    record Garbage(String bytes) implements Effect {
        public Garbage {
            bytes = bytes == null ? "\u0000\u00ff garbage \u00fe\r\n" : bytes;
        }
    }

    /** No answer until the client gives up or the fake closes. */
    record Hang() implements Effect { }

    /** 503 {@code CDC:ErrServerIsNotReady}, as a capture still starting up answers. */
    record NotReady() implements Effect { }

    /** 500 {@code election: no leader} with an empty {@code error_code}. */
    record NoOwner() implements Effect { }

    /** The real answer ("succeed" in a sequence). */
    record PassThrough() implements Effect { }

    /** The rule's 1st firing applies the first effect, the 2nd the second...; then the rule stops firing. */
    record Sequence(List<Effect> effects) implements Effect {
        public Sequence {
            effects = List.copyOf(effects);
            if (effects.isEmpty()) throw new IllegalArgumentException("an empty sequence");
            if (effects.stream().anyMatch(e -> e instanceof Sequence)) throw new IllegalArgumentException("nested sequence");
        }
    }
}
