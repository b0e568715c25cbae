package io.faketicdc.internal.json;

/** A decoding failure worded exactly as Go's encoding/json Decoder words it. */
public final class GoJsonSyntaxException extends Exception {
    public GoJsonSyntaxException(String goMessage) {
        super(goMessage, null, false, false);
    }
}
