package io.pantrade.privacy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.pantrade.kernel.privacy.SealedText;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Sealed texts live inside events: their JSON shape must never change. */
class SealedTextJsonTest {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void serializes_as_subject_and_ciphertext() throws Exception {
        String written = json.writeValueAsString(new SealedText("s-1", "AQID"));

        assertThat(written).isEqualTo("{\"subjectId\":\"s-1\",\"ciphertext\":\"AQID\"}");
        assertThat(json.readValue(written, SealedText.class)).isEqualTo(new SealedText("s-1", "AQID"));
    }
}
