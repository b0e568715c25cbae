package io.faketicdc.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.faketicdc.FakeTiCdc;
import io.faketicdc.Tls;
import io.faketicdc.junit.support.Example;
import io.faketicdc.junit.support.Kit;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/** {@code @TiCdcFake(tls = "self-signed", mtls, certAllowedCn)} and {@code builder().tls(...)}: the fake serves https; tests take an SSLContext. */
class TlsAttributeTest {

    @Test
    void the_annotation_serves_https_and_injects_an_ssl_context() {
        Kit.run(SelfSigned.class).testEvents().assertStatistics(s -> s.started(2).succeeded(2).failed(0));
    }

    @Test
    void mtls_and_allowed_cns_come_from_the_annotation_too() {
        Kit.run(AllowedCn.class).testEvents().assertStatistics(s -> s.started(1).succeeded(1).failed(0));
    }

    @Test
    void a_class_scoped_registered_fake_keeps_its_certificate_across_resets() {
        Kit.run(Registered.class).testEvents().assertStatistics(s -> s.started(2).succeeded(2).failed(0));
    }

    @Test
    void an_unknown_tls_mode_is_a_configuration_error() {
        assertThat(failure(Kit.run(UnknownMode.class))).hasMessageContaining("@TiCdcFake(tls = \"pem\"): expected \"self-signed\"");
    }

    @Test
    void mtls_without_tls_is_a_configuration_error() {
        assertThat(failure(Kit.run(MtlsWithoutTls.class))).hasMessageContaining("mtls needs tls");
    }

    @Test
    void an_ssl_context_parameter_needs_a_tls_fake() {
        assertThat(failure(Kit.run(PlainWithSslContext.class))).hasMessageContaining("an SSLContext parameter needs a fake that serves https");
    }

    private static Throwable failure(EngineExecutionResults results) {
        results.testEvents().assertStatistics(s -> s.started(1).failed(1));
        return results.testEvents().failed().stream().findFirst().orElseThrow()
                .getRequiredPayload(TestExecutionResult.class).getThrowable().orElseThrow();
    }

    static int health(SSLContext ssl, String baseUrl) throws Exception {
        return HttpClient.newBuilder().sslContext(ssl).build().send(
                HttpRequest.newBuilder(URI.create(baseUrl + "/api/v2/health")).build(), HttpResponse.BodyHandlers.ofString()).statusCode();
    }

    @Example
    @TiCdcFake(tls = "self-signed")
    static class SelfSigned {
        @Test
        void healthOverHttps(SSLContext ssl, URI baseUri) throws Exception {
            assertThat(baseUri.getScheme()).isEqualTo("https");
            assertThat(health(ssl, baseUri.toString())).isEqualTo(200);
        }

        @Test
        void theInfoNamesHttpsUrls(TiCdcFakeInfo info, FakeTiCdc fake) throws Exception {
            assertThat(info.baseUrl()).startsWith("https://");
            assertThat(health(fake.tls().sslContext(), info.baseUrl())).isEqualTo(200);
        }
    }

    @Example
    @TiCdcFake(tls = "self-signed", mtls = true, certAllowedCn = "ops")
    static class AllowedCn {
        @Test
        void onlyOpsIsServed(FakeTiCdc fake) throws Exception {
            assertThat(health(fake.tls().clientCertificate("ops").sslContext(), fake.baseUrl())).isEqualTo(200);
            assertThatThrownBy(() -> health(fake.tls().clientCertificate("guest").sslContext(), fake.baseUrl()))
                    .isInstanceOf(IOException.class);
        }
    }

    @Example
    static class Registered {
        @RegisterExtension
        static TiCdcFakeExtension ticdc = TiCdcFakeExtension.builder().tls(Tls.selfSigned().withMtls(true)).build();

        @Test
        void first(SSLContext ssl) throws Exception {
            assertThat(health(ssl, ticdc.baseUrl())).isEqualTo(200);
        }

        @Test
        void second(SSLContext ssl) throws Exception {
            assertThat(health(ssl, ticdc.baseUrl())).isEqualTo(200);
        }
    }

    @Example
    @TiCdcFake(tls = "pem")
    static class UnknownMode {
        @Test
        void neverRuns() {
        }
    }

    @Example
    @TiCdcFake(mtls = true)
    static class MtlsWithoutTls {
        @Test
        void neverRuns() {
        }
    }

    @Example
    @TiCdcFake
    static class PlainWithSslContext {
        @Test
        void neverRuns(SSLContext ssl) {
        }
    }
}
