package io.faketicdc.standalone.verify;

/** One request a case sent and the answer it got: a step of the case's transcript. */
public record Exchange(String method, String path, String requestBody, Reply reply) {
    String requestLine() {
        return method + " " + path;
    }
}
