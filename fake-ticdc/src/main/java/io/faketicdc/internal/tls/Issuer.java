package io.faketicdc.internal.tls;

/** Issues client certificates (only a self-signed fake has a CA key to do it with). */
interface Issuer {
    Issued client(String commonName);
}
