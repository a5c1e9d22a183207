package io.citustestkit.node;

import org.junit.jupiter.api.Test;

import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;

class ScramVerifierTest {

    @Test
    void should_compute_the_verifier_postgresql_computes() {
        // the password and salt of RFC 7677's example exchange, 4096 iterations; the keys as PostgreSQL stores them
        String verifier = ScramVerifier.of("pencil", Base64.getDecoder().decode("W22ZaJ0SNY7soEsUEjb6gQ=="), 4096);

        assertThat(verifier).isEqualTo("SCRAM-SHA-256$4096:W22ZaJ0SNY7soEsUEjb6gQ==$"
                + "WG5d8oPm3OtcPnkdi4Uo7BkeZkBFzpcXkuLmtbsT4qY=:wfPLwcE6nTWhTAmQ7tl2KeoiWGPlZqQxSrmfPwDl2dU=");
    }

    @Test
    void should_salt_every_verifier_differently_and_never_contain_the_password() {
        String first = ScramVerifier.of("Quokka-Zebra-7731-secret");
        String second = ScramVerifier.of("Quokka-Zebra-7731-secret");

        assertThat(first).isNotEqualTo(second).startsWith("SCRAM-SHA-256$4096:").doesNotContain("Quokka");
    }
}
