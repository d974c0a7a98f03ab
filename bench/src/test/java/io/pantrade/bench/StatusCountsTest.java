package io.pantrade.bench;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class StatusCountsTest {

    @Test
    void totals_by_prefix_add_up_every_status_that_starts_with_it() {
        StatusCounts counts = new StatusCounts();
        counts.count("COMPLETED");
        counts.count("place 409 order.rejected");
        counts.count("place 409 order.rejected");
        counts.count("place SocketTimeoutException");
        StatusCounts other = new StatusCounts();
        other.count("place 500");
        counts.add(other);

        assertThat(counts.total("place ")).isEqualTo(4);
        assertThat(counts.total("COMPLETED")).isEqualTo(1);
        assertThat(counts.total("CANCELLED")).isZero();
        assertThat(counts.total()).isEqualTo(5);
    }
}
