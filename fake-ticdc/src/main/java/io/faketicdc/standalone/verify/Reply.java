package io.faketicdc.standalone.verify;

/** One answer of the target: status, {@code Content-Type} and {@code Location} (null when absent), body. */
public record Reply(int status, String contentType, String location, String body) {
    /** The body cut to one short line, for a failure message. */
    String head() {
        String b = body.replace("\n", " ").replaceAll(" {2,}", " ");
        return b.length() > 160 ? b.substring(0, 160) + "..." : b;
    }
}
