package io.faketicdc.internal.tls;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** PEM blocks as Go's pem.Decode finds them: text around blocks skipped, CRLF files, headers noticed. */
class PemTest {

    @Test
    void blocks_are_found_among_other_text_and_in_crlf_files() {
        String pem = Pem.encode("CERTIFICATE", new byte[] {1, 2, 3}) + "a comment\n" + Pem.encode("PRIVATE KEY", new byte[] {4});
        List<Pem.Block> blocks = Pem.blocks("leading text\n" + pem.replace("\n", "\r\n"));
        assertThat(blocks).extracting(Pem.Block::type).containsExactly("CERTIFICATE", "PRIVATE KEY");
        assertThat(blocks.get(0).der()).containsExactly(1, 2, 3);
        assertThat(blocks.get(1).headers()).isFalse();
    }

    @Test
    void a_block_with_headers_is_marked_so_an_encrypted_legacy_key_is_named_as_such() {
        String encrypted = "-----BEGIN RSA PRIVATE KEY-----\r\nProc-Type: 4,ENCRYPTED\r\nDEK-Info: AES-128-CBC,00\r\n\r\nAQID\r\n"
                + "-----END RSA PRIVATE KEY-----\r\n";
        List<Pem.Block> blocks = Pem.blocks(encrypted);
        assertThat(blocks).hasSize(1);
        assertThat(blocks.get(0).headers()).isTrue();
        assertThat(blocks.get(0).der()).containsExactly(1, 2, 3);
    }
}
