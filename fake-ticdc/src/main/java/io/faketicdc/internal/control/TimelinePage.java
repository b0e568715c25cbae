package io.faketicdc.internal.control;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * The page at {@code /fake/ui}: captures, changefeeds and the request journal as a timeline, one
 * self-contained HTML file (inline CSS and JavaScript). Served live it polls the control API's
 * {@code /fake/v1/state} and {@code /fake/v1/requests}; with a snapshot embedded (see
 * {@link #snapshot}) it renders that and polls nothing, so it also works from a file.
 */
public final class TimelinePage {
    private static final String MARKER = "/*FAKE_DATA*/null";
    private static volatile String template;

    private TimelinePage() { }

    /** The page as served live: no data embedded. */
    static byte[] live() {
        return template().getBytes(StandardCharsets.UTF_8);
    }

    /** The page with the fake's state and journal now embedded as JSON. */
    public static String snapshot(ControlledFake fake) {
        ControlViews views = new ControlViews(fake);
        ObjectNode data = views.mapper().createObjectNode();
        data.put("written", Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString());
        data.set("state", views.state());
        data.set("requests", views.mapper().valueToTree(fake.requests().all()));
        String json;
        try {
            json = views.mapper().writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        // '<' only occurs inside JSON strings, where \u003c reads the same: no "</script>" can end the block
        return template().replace(MARKER, json.replace("<", "\\u003c"));
    }

    private static String template() {
        String t = template;
        if (t == null) {
            try (InputStream in = TimelinePage.class.getResourceAsStream("/io/faketicdc/ui.html")) {
                if (in == null) throw new IllegalStateException("ui.html missing from the jar");
                template = t = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return t;
    }
}
