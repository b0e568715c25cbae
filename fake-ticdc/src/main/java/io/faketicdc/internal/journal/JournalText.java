package io.faketicdc.internal.journal;

import io.faketicdc.RecordedRequest;
import java.util.List;

/** The journal as text for failure messages: one line per record. */
final class JournalText {
    private JournalText() { }

    static String describe(List<RecordedRequest> records, long dropped) {
        StringBuilder b = new StringBuilder();
        if (dropped > 0) b.append("(").append(dropped).append(" earlier requests dropped)\n");
        if (records.isEmpty()) b.append("(no requests)");
        for (RecordedRequest r : records) b.append(r.describe()).append('\n');
        if (!records.isEmpty()) b.setLength(b.length() - 1);
        return b.toString();
    }
}
