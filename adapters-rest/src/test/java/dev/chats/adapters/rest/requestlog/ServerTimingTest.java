package dev.chats.adapters.rest.requestlog;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ServerTimingTest {

    @Test
    void millis_areWrittenWithTwoDecimals_rounded() {
        assertThat(ServerTiming.millis(0)).isEqualTo("0.00");
        assertThat(ServerTiming.millis(4_999)).isEqualTo("0.00");
        assertThat(ServerTiming.millis(5_000)).isEqualTo("0.01");
        assertThat(ServerTiming.millis(90_000)).isEqualTo("0.09");
        assertThat(ServerTiming.millis(1_234_567)).isEqualTo("1.23");
        assertThat(ServerTiming.millis(21_995_000)).isEqualTo("22.00");
        assertThat(ServerTiming.millis(3_600_000_000_000L)).isEqualTo("3600000.00");
    }
}
