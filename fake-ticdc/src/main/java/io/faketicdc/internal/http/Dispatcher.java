package io.faketicdc.internal.http;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Routes a request and turns the handler's outcome into the real server's answer. */
public final class Dispatcher {
    private static final Logger LOG = LoggerFactory.getLogger(Dispatcher.class);
    private final Router router;

    public Dispatcher(Router router) {
        this.router = router;
    }

    public Router router() {
        return router;
    }

    public ApiResponse dispatch(ApiRequest request) {
        Router.Match match = router.match(request);
        if (match.answer() != null) return match.answer();
        return invoke(match.call());
    }

    public static ApiResponse invoke(Call call) {
        try {
            return call.route().handler().handle(call);
        } catch (ApiError e) {
            return e.toResponse();
        } catch (HandlerPanic e) {
            return ApiResponse.bare(500);
        } catch (RuntimeException e) {
            // a bug of ours: answer as gin's recovery would, and say so in the log
            LOG.error("fake-ticdc handler failed on {} {}", call.request().method(), call.request().path(), e);
            return ApiResponse.bare(500);
        }
    }
}
