package io.faketicdc.samples;

import static io.faketicdc.junit.TiCdcAssertions.assertThat;
import static io.faketicdc.junit.TiCdcAssertions.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.faketicdc.ChangefeedState;
import io.faketicdc.FakeTiCdc;
import io.faketicdc.junit.TiCdcFake;
import java.net.URI;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The downstream MySQL is down when the service creates its changefeed: the client asks again. */
@TiCdcFake
class DownstreamDownTest {
    static final String SINK = "mysql://cdc:secret@mysql.internal:3306/";
    ChangefeedManager manager;

    @BeforeEach
    void setUp(URI baseUri) {
        manager = new ChangefeedManager(baseUri, Fast.client());
    }

    // snippet:samples-downstream-down
    @Test
    void aCreateRefusedWhileTheDownstreamIsDownIsAskedAgain(FakeTiCdc fake) {
        fake.downstream("mysql.internal:3306").downForCreates(2);   // the real server: 400 ErrMySQLConnectionError

        ChangefeedStatus status = manager.createWhenDownstreamIsUp("orders", SINK, 5);

        assertThat(status.isNormal()).isTrue();
        assertThat(fake.requests().matching(request("POST", "/api/v2/changefeeds")))
                .extracting(r -> r.status())
                .containsExactly(400, 400, 200);
        assertThat(fake).changefeed("orders").isInState(ChangefeedState.NORMAL);
    }
    // end-snippet

    @Test
    void aDownstreamThatStaysDownEndsInTheLastRefusal(FakeTiCdc fake) {
        fake.downstream("mysql.internal:3306").down();

        assertThatThrownBy(() -> manager.createWhenDownstreamIsUp("orders", SINK, 3))
                .isInstanceOfSatisfying(TiCdcApiException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.errorCode()).isEqualTo("CDC:ErrMySQLConnectionError");
                    assertThat(e.getMessage()).contains("dial tcp mysql.internal:3306: connect: connection refused");
                });
        assertThat(fake).receivedExactly(3, request("POST", "/api/v2/changefeeds"));
    }

    @Test
    void aRefusalThatIsNotAboutTheDownstreamIsNotRetried(FakeTiCdc fake) {
        assertThatThrownBy(() -> manager.createWhenDownstreamIsUp("orders", "nope://x", 5))
                .isInstanceOfSatisfying(TiCdcApiException.class, e -> assertThat(e.errorCode()).isEqualTo("CDC:ErrSinkURIInvalid"));
        assertThat(fake).receivedExactly(1, request("POST", "/api/v2/changefeeds"));
    }
}
