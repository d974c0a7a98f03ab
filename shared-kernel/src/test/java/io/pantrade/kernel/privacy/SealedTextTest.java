package io.pantrade.kernel.privacy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SealedTextTest {

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = " \t")
    void needs_a_subject(String subjectId) {
        assertThatThrownBy(() -> new SealedText(subjectId, "AQID"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("subjectId");
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = " \t")
    void needs_a_ciphertext(String ciphertext) {
        assertThatThrownBy(() -> new SealedText("subject", ciphertext))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ciphertext");
    }
}
