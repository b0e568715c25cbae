package io.faketicdc.internal.routes;

import io.faketicdc.internal.config.GoUrl;
import io.faketicdc.internal.json.GoStruct;

/**
 * SinkConfig.CheckCompatibilityWithSinkURI on update: a protocol or atomicity in the new config
 * that contradicts the (unchanged) URI is refused; a URI that itself changes them wins.
 */
final class SinkCompatibility {
    private SinkCompatibility() { }

    static void check(GoStruct oldSink, GoStruct newSink, GoUrl uri) {
        boolean cfgChanged = oldSink.get("protocol") != null || newSink.get("protocol") != null
                || oldSink.get("transaction_atomicity") != null || newSink.get("transaction_atomicity") != null;
        boolean uriChanged = conflict(oldSink, uri) != null;
        if (!uriChanged && !cfgChanged) return;
        String conflict = conflict(newSink, uri);
        if (conflict != null && !uriChanged) throw UpdateChangefeed.refused(conflict);
    }

    /** applyParameterBySinkURI's incompatibility message, or null. */
    private static String conflict(GoStruct sink, GoUrl uri) {
        StringBuilder fromUri = new StringBuilder();
        StringBuilder fromFile = new StringBuilder();
        String atomicity = uri.queryFirst("transaction-atomicity");
        if (atomicity != null && !atomicity.isEmpty()) {
            Object mine = sink.get("transaction_atomicity");
            if (mine != null && !((String) mine).isEmpty() && !mine.equals(atomicity)) {
                fromUri.append("transaction-atomicity=").append(atomicity).append(", ");
                fromFile.append("transaction-atomicity=").append(mine).append(", ");
            }
        }
        String protocol = uri.queryFirst("protocol");
        if (protocol != null && !protocol.isEmpty()) {
            Object mine = sink.get("protocol");
            if (mine != null && !mine.equals(protocol)) {
                fromUri.append("protocol=").append(protocol).append(", ");
                fromFile.append("protocol=").append(mine).append(", ");
            }
        }
        if (fromUri.length() == 0) return null;
        return "[CDC:ErrIncompatibleSinkConfig]incompatible configuration in sink uri("
                + fromUri.substring(0, fromUri.length() - 2) + ") and config file("
                + fromFile.substring(0, fromFile.length() - 2)
                + "), please try to update the configuration only through sink uri";
    }
}
