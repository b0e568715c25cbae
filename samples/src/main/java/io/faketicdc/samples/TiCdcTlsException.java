package io.faketicdc.samples;

import javax.net.ssl.SSLHandshakeException;

/**
 * The TLS handshake with TiCDC failed: the server refused the client's certificate (none, not
 * signed by its CA, or a common name not in its {@code cert-allowed-cn}), or the client does not
 * trust the server's. Not retried: it fails the same way until someone changes a certificate.
 */
public class TiCdcTlsException extends RuntimeException {
    public TiCdcTlsException(String request, SSLHandshakeException cause) {
        super(request + ": TLS handshake failed: " + cause.getMessage(), cause);
    }
}
