package io.pantrade.command;

import io.pantrade.kernel.delivery.CourierId;
import io.pantrade.kernel.delivery.EndShift;
import io.pantrade.kernel.order.CancelOrder;
import io.pantrade.kernel.order.OrderId;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.modelling.command.AnnotationCommandTargetResolver;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import org.axonframework.modelling.command.VersionedAggregateIdentifier;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CachedTargetResolverTest {

    private final CachedTargetResolver cached = new CachedTargetResolver();
    private final AnnotationCommandTargetResolver axon = AnnotationCommandTargetResolver.builder().build();

    record Versioned(@TargetAggregateIdentifier String id, @TargetAggregateVersion Long version) {
    }

    record VersionAsText(@TargetAggregateIdentifier String id, @TargetAggregateVersion String version) {
    }

    static final class ByMethod {
        private final String id;

        ByMethod(String id) {
            this.id = id;
        }

        @TargetAggregateIdentifier
        String target() {
            return "target-" + id;
        }
    }

    static final class ByPrivateField {
        @TargetAggregateIdentifier
        private final String id;

        ByPrivateField(String id) {
            this.id = id;
        }
    }

    record Untargeted(String id) {
    }

    @Test
    void finds_what_axons_resolver_finds_on_records_methods_fields_and_versions() {
        List<Object> commands = List.of(
                new CancelOrder(new OrderId(UUID.randomUUID().toString()), "changed my mind"),
                new EndShift(new CourierId(UUID.randomUUID().toString())),
                new Versioned("v-1", 7L), new Versioned("v-2", null), new VersionAsText("t-1", "12"),
                new ByMethod("m"), new ByPrivateField("f"));

        for (Object command : commands) {
            VersionedAggregateIdentifier expected = axon.resolveTarget(GenericCommandMessage.asCommandMessage(command));
            for (int again = 0; again < 2; again++) {
                VersionedAggregateIdentifier resolved = cached.resolveTarget(GenericCommandMessage.asCommandMessage(command));
                assertThat(resolved.getIdentifierValue()).as(command.toString()).isEqualTo(expected.getIdentifierValue());
                assertThat(resolved.getVersion()).as(command.toString()).isEqualTo(expected.getVersion());
            }
        }
        assertThat(cached.resolveTarget(GenericCommandMessage.asCommandMessage(new Versioned("v-1", 7L))).getVersion())
                .isEqualTo(7L);
    }

    @Test
    void a_command_without_a_target_or_with_a_null_one_is_refused() {
        assertThatThrownBy(() -> cached.resolveTarget(GenericCommandMessage.asCommandMessage(new Untargeted("x"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Untargeted");
        assertThatThrownBy(() -> cached.resolveTarget(GenericCommandMessage.asCommandMessage(new Versioned(null, 1L))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("@TargetAggregateIdentifier");
    }
}
