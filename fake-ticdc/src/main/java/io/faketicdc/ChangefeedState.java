package io.faketicdc;

import java.util.Locale;

/** The states a changefeed shows through the API (there is no "error" state since v7.3). */
public enum ChangefeedState {
    NORMAL, WARNING, PENDING, STOPPED, FAILED, FINISHED;

    /** The string the API uses, e.g. {@code "normal"}. */
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }
}
