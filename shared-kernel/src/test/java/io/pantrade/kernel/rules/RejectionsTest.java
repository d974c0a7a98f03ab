package io.pantrade.kernel.rules;

import org.axonframework.commandhandling.CommandExecutionException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RejectionsTest {

    private static final RuleViolation NOT_FOUND =
            new RuleViolation(Rejections.NOT_FOUND, "nothing with id 1 exists", RuleViolation.Kind.NOT_FOUND);

    @Test
    void a_refusal_is_recognised_by_its_code_whether_thrown_here_or_carried_in_details() {
        RuntimeException local = new IllegalStateException("wrapped", new RuleViolatedException(NOT_FOUND));
        RuntimeException remote = new CommandExecutionException("refused", null, NOT_FOUND);

        assertThat(Rejections.refusedFor(local, Rejections.NOT_FOUND)).isTrue();
        assertThat(Rejections.refusedFor(remote, Rejections.NOT_FOUND)).isTrue();
        assertThat(Rejections.refusedFor(remote, "order.id-taken")).isFalse();
        assertThat(Rejections.refusedFor(new IllegalStateException("a fault"), Rejections.NOT_FOUND)).isFalse();
    }
}
