package io.faketicdc.internal.http;

import io.faketicdc.internal.json.GoJsonWriter;
import java.util.List;
import java.util.Map;

/**
 * A TiCDC error as the error middleware renders it: {@code error_msg} is the Go error string
 * ({@code [code]message}), {@code error_code} the RFC code, the status 400 when the text names
 * one of the "bad request" codes and 500 otherwise, unless a handler set it explicitly.
 */
public final class ApiError extends RuntimeException {
    /** cdc/api/util.go: errors answered 400; any other is 500. */
    static final List<String> BAD_REQUEST_CODES = List.of(
            "CDC:ErrAPIInvalidParam", "CDC:ErrSinkURIInvalid", "CDC:ErrStartTsBeforeGC",
            "CDC:ErrChangeFeedNotExists", "CDC:ErrTargetTsBeforeStartTs", "CDC:ErrTableIneligible",
            "CDC:ErrFilterRuleInvalid", "CDC:ErrChangefeedUpdateRefused", "CDC:ErrMySQLConnectionError",
            "CDC:ErrMySQLInvalidConfig", "CDC:ErrCaptureNotExist", "CDC:ErrSchedulerRequestFailed");

    private final String code;
    private final int status;
    /** JSON decoding failures go out with a sniffed text/plain type (gin committed the status). */
    private final boolean committedEarly;

    private ApiError(String code, String errorMsg, int status, boolean committedEarly) {
        super(errorMsg, null, false, false);
        this.code = code;
        this.status = status;
        this.committedEarly = committedEarly;
    }

    /** A TiCDC error {@code [code]message}, status by the 400/500 rule. */
    public static ApiError of(String code, String message) {
        String msg = "[" + code + "]" + message;
        return new ApiError(code, msg, statusFor(msg), false);
    }

    /** A plain Go error without a code (empty {@code error_code}). */
    public static ApiError plain(String message) {
        return new ApiError("", message, statusFor(message), false);
    }

    /**
     * Any error as the middleware renders it: {@code [code]message} ({@code message} alone when the
     * code is empty); the status by the 400/500 rule when null.
     */
    public static ApiError custom(Integer status, String code, String message) {
        String msg = code.isEmpty() ? message : "[" + code + "]" + message;
        return new ApiError(code, msg, status != null ? status : statusFor(msg), false);
    }

    public static ApiError withStatus(int status, String code, String message) {
        return new ApiError(code, "[" + code + "]" + message, status, false);
    }

    /** gin's BindJSON failure: always 400, text/plain content type. */
    public static ApiError bind(String goError) {
        String msg = "[CDC:ErrAPIInvalidParam]invalid api parameter: " + goError;
        return new ApiError("CDC:ErrAPIInvalidParam", msg, 400, true);
    }

    /** A BindJSON failure reported with a handler's own wording (still 400, text/plain). */
    public static ApiError committed(String code, String message) {
        return new ApiError(code, "[" + code + "]" + message, 400, true);
    }

    /** The error of a handler that committed its status first (e.g. drain's 503): text/plain. */
    public ApiError committedAs(int newStatus) {
        return new ApiError(code, getMessage(), newStatus, true);
    }

    static int statusFor(String errorMsg) {
        for (String c : BAD_REQUEST_CODES) {
            if (errorMsg.contains(c)) return 400;
        }
        return 500;
    }

    public String code() {
        return code;
    }

    public String errorMsg() {
        return getMessage();
    }

    public int status() {
        return status;
    }

    public ApiResponse toResponse() {
        GoJsonWriter w = GoJsonWriter.indented()
                .beginObject()
                .name("error_msg").value(getMessage())
                .name("error_code").value(code)
                .endObject();
        String type = committedEarly ? ApiResponse.TEXT_UTF8 : ApiResponse.JSON;
        return new ApiResponse(status, type, Map.of(), w.toBytes());
    }
}
