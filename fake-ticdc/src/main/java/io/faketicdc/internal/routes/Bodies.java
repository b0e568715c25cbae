package io.faketicdc.internal.routes;

import io.faketicdc.internal.http.ApiError;
import io.faketicdc.internal.http.HandlerPanic;
import io.faketicdc.internal.json.GoBinder;
import io.faketicdc.internal.json.GoJsonReader;
import io.faketicdc.internal.json.GoJsonSyntaxException;
import io.faketicdc.internal.json.GoStruct;
import io.faketicdc.internal.json.JsonValue;

/** gin's BindJSON over our Go-compatible decoder: any Content-Type, errors as the real 400. */
final class Bodies {
    private Bodies() { }

    /**
     * Decodes into {@code target}. {@code nullPanics}: the handler binds through a pointer to a
     * pointer, so a {@code null} body leaves it nil and the handler panics (bare 500).
     */
    static GoStruct bind(byte[] body, GoStruct target, boolean nullPanics) {
        try {
            JsonValue doc = GoJsonReader.read(body);
            if (doc == JsonValue.JNull.INSTANCE) {
                if (nullPanics) throw new HandlerPanic("nil body");
                return target;
            }
            return (GoStruct) GoBinder.decode(doc, target.type(), target);
        } catch (GoJsonSyntaxException e) {
            throw ApiError.bind(e.getMessage());
        }
    }

    /**
     * BindJSON whose error the handler records as it is (v1 update, pingcap/tiflow
     * cdc/api/v1/api.go): still 400 and text/plain, but {@code error_msg} is Go's bare text and
     * {@code error_code} is empty. A {@code null} body leaves {@code target} as it is.
     */
    static GoStruct bindUnwrapped(byte[] body, GoStruct target) {
        try {
            JsonValue doc = GoJsonReader.read(body);
            if (doc == JsonValue.JNull.INSTANCE) return target;
            return (GoStruct) GoBinder.decode(doc, target.type(), target);
        } catch (GoJsonSyntaxException e) {
            throw ApiError.custom(400, "", e.getMessage()).committedAs(400);
        }
    }

    /**
     * json.Unmarshal whose error the handler wraps in ErrAPIInvalidParam (pingcap/ticdc
     * api/v2/changefeed.go ResumeChangefeed): 400 through the error middleware, JSON content type.
     */
    static GoStruct unmarshal(byte[] body, GoStruct target) {
        try {
            JsonValue doc = GoJsonReader.read(body);
            if (doc == JsonValue.JNull.INSTANCE) return target;
            return (GoStruct) GoBinder.decode(doc, target.type(), target);
        } catch (GoJsonSyntaxException e) {
            throw ApiError.of("CDC:ErrAPIInvalidParam", "invalid api parameter: " + e.getMessage());
        }
    }
}
