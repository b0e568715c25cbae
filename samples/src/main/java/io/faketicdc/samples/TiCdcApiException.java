package io.faketicdc.samples;

/** TiCDC refused a request for good (a 400, or a 500 that retrying will not fix). */
public class TiCdcApiException extends RuntimeException {
    private final int status;
    private final String errorCode;

    public TiCdcApiException(String request, ApiResponse response) {
        super(request + " -> " + response.status() + " " + response.errorMessage());
        this.status = response.status();
        this.errorCode = response.errorCode();
    }

    public int status() {
        return status;
    }

    /** TiCDC's {@code error_code}, such as {@code CDC:ErrSinkURIInvalid}; "" when it gave none. */
    public String errorCode() {
        return errorCode;
    }
}
