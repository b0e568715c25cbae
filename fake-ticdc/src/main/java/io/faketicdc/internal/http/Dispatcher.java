package io.faketicdc.internal.http;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Turns a handler's outcome into the real server's answer (error JSON, recovered panics). */
public final class Dispatcher {
    /** Made on first use: a request has reached the server by then, which set SLF4J up (QuietLogging). */
    private static final class Log {
        static final Logger LOG = LoggerFactory.getLogger(Dispatcher.class);
    }

    private Dispatcher() { }

    public static ApiResponse invoke(Call call) {
        try {
            return call.route().handler().handle(call);
        } catch (ApiError e) {
            return e.toResponse();
        } catch (HandlerPanic e) {
            return ApiResponse.bare(500);
        } catch (RuntimeException e) {
            // a bug of ours: answer as gin's recovery would, and say so in the log
            Log.LOG.error("fake-ticdc handler failed on {} {}", call.request().method(), call.request().path(), e);
            return ApiResponse.bare(500);
        }
    }
}
