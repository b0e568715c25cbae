package io.faketicdc.internal.tls;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/** PEM text (RFC 7468): blocks of a type found in a file's text, and DER bytes written as a block. */
final class Pem {
    private Pem() { }

    /** One block: its label ({@code CERTIFICATE}, {@code PRIVATE KEY}...), whether it has headers, its DER bytes. */
    record Block(String type, boolean headers, byte[] der) { }

    /** Every well-formed block of the text, in order; text outside blocks is skipped, as Go's pem.Decode does. */
    static List<Block> blocks(String raw) {
        String text = raw.replace("\r\n", "\n");
        List<Block> out = new ArrayList<>();
        int at = 0;
        while (true) {
            int begin = text.indexOf("-----BEGIN ", at);
            if (begin < 0) return out;
            int typeEnd = text.indexOf("-----", begin + 11);
            if (typeEnd < 0) return out;
            String type = text.substring(begin + 11, typeEnd);
            String endLine = "-----END " + type + "-----";
            int end = text.indexOf(endLine, typeEnd);
            if (end < 0) return out;
            String body = text.substring(typeEnd + 5, end);
            boolean headers = body.contains(":");
            if (headers) body = body.substring(body.indexOf("\n\n") < 0 ? body.length() : body.indexOf("\n\n"));
            try {
                out.add(new Block(type, headers, Base64.getMimeDecoder().decode(body.replaceAll("\\s", ""))));
            } catch (IllegalArgumentException notBase64) {
                // not a block Go would decode either: skipped
            }
            at = end + endLine.length();
        }
    }

    /** DER bytes as a PEM block, 64 characters a line. */
    static String encode(String type, byte[] der) {
        String b64 = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
        return "-----BEGIN " + type + "-----\n" + b64 + "\n-----END " + type + "-----\n";
    }
}
