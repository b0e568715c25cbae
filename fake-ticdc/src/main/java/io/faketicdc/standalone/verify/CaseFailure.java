package io.faketicdc.standalone.verify;

/** A case's expectation that the target did not meet; its message is the line the report shows. */
final class CaseFailure extends RuntimeException {
    CaseFailure(String message) {
        super(message, null, false, false);
    }
}
