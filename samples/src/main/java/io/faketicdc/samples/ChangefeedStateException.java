package io.faketicdc.samples;

/** A changefeed is not in the state the caller waited for: failed, retrying, stopped... with TiCDC's error. */
public class ChangefeedStateException extends RuntimeException {
    private final ChangefeedStatus status;

    public ChangefeedStateException(String expectation, ChangefeedStatus status) {
        super(expectation + ", but changefeed " + status);
        this.status = status;
    }

    public ChangefeedStatus status() {
        return status;
    }

    public String state() {
        return status.state();
    }

    /** TiCDC's error code for the changefeed ({@code CDC:ErrKafkaNewProducer}), or null when it shows none. */
    public String errorCode() {
        return status.errorCode();
    }
}
