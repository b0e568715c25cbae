package io.faketicdc.junit;

import io.faketicdc.FakeTiCdc;
import io.faketicdc.Profile;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * Where the current test's fake listens: inject it into a test or lifecycle method.
 *
 * @param baseUrl         {@code http://127.0.0.1:<port>} ({@code https://} when the fake serves TLS) of the first capture, without a trailing slash
 * @param port            the first capture's port
 * @param captureBaseUrls the base URL of each capture, by slot
 * @param profile         which TiCDC the fake behaves like
 */
public record TiCdcFakeInfo(String baseUrl, int port, List<String> captureBaseUrls, Profile profile) {

    public TiCdcFakeInfo {
        captureBaseUrls = List.copyOf(captureBaseUrls);
    }

    /** The addresses of a started fake. */
    public static TiCdcFakeInfo of(FakeTiCdc fake) {
        List<String> urls = new ArrayList<>();
        for (int slot = 0; slot < fake.config().captures(); slot++) urls.add(fake.baseUrl(slot));
        return new TiCdcFakeInfo(fake.baseUrl(), fake.port(), urls, fake.config().profile());
    }

    /** {@link #baseUrl()} as a URI. */
    public URI baseUri() {
        return URI.create(baseUrl);
    }
}
