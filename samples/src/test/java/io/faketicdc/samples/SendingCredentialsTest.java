package io.faketicdc.samples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.faketicdc.junit.TiCdcFake;
import java.net.URI;
import org.junit.jupiter.api.Test;

/** A TiCDC with client-user-required: the client must send a TiDB user's credentials to change anything. */
@TiCdcFake(clientUserRequired = true, users = "cdc_admin:s3cret")
class SendingCredentialsTest {

    @Test
    void withTheUsersCredentialsTheChangefeedIsCreated(URI baseUri) {
        ChangefeedManager manager = new ChangefeedManager(baseUri, Fast.client().withCredentials("cdc_admin", "s3cret"));

        assertThat(manager.create("orders", "blackhole://").state()).isEqualTo("normal");
    }

    @Test
    void withoutCredentialsTheServerSaysWhichAreMissing(URI baseUri) {
        ChangefeedManager manager = new ChangefeedManager(baseUri, Fast.client());

        assertThatThrownBy(() -> manager.create("orders", "blackhole://"))
                .hasMessageContaining("401").hasMessageContaining("CDC:ErrCredentialNotFound");
    }

    @Test
    void aWrongPasswordIsRefusedAsTiDbRefusesIt(URI baseUri) {
        ChangefeedManager manager = new ChangefeedManager(baseUri, Fast.client().withCredentials("cdc_admin", "guess"));

        assertThatThrownBy(() -> manager.create("orders", "blackhole://"))
                .hasMessageContaining("401").hasMessageContaining("Access denied for user 'cdc_admin'");
    }
}
