package dev.chats.testsupport;

import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RequiredServiceTest {

    private static final String REASON = "no Redis at redis://127.0.0.1:6379";

    @Test
    void anAvailableService_runsTheTest_onCiAndOff() {
        for (Map<String, String> environment : List.of(Map.<String, String>of(), Map.of("CI", "true"))) {
            RequiredService policy = RequiredService.in(environment);
            assertThat(policy.outcome(true)).isEqualTo(RequiredService.Outcome.RUN);
            assertThatCode(() -> policy.check(true, REASON)).doesNotThrowAnyException();
        }
    }

    @Test
    void aMissingService_outsideCi_skipsWithTheReason() {
        for (Map<String, String> environment : List.of(Map.<String, String>of(), Map.of("CI", "false"),
                Map.of("CI", ""), withNullCi())) {
            RequiredService policy = RequiredService.in(environment);
            assertThat(policy.outcome(false)).as("%s", environment).isEqualTo(RequiredService.Outcome.SKIP);
            assertThatThrownBy(() -> policy.check(false, REASON)).isInstanceOf(TestAbortedException.class)
                    .hasMessageContaining(REASON);
        }
    }

    @Test
    void aMissingService_underCi_failsNamingTheServiceAndWhy() {
        for (String ci : new String[] {"true", "TRUE", " true "}) {
            RequiredService policy = RequiredService.in(Map.of("CI", ci));
            assertThat(policy.outcome(false)).as(ci).isEqualTo(RequiredService.Outcome.FAIL);
            assertThatThrownBy(() -> policy.check(false, REASON)).isInstanceOf(AssertionFailedError.class)
                    .hasMessageContaining(REASON)
                    .hasMessageContaining("CI=true")
                    .hasMessageContaining(".ci/run");
        }
    }

    @Test
    void listening_isTrueForAnOpenPort_andFalseOnceItIsClosed() throws Exception {
        String uri;
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            uri = "redis://127.0.0.1:" + server.getLocalPort();
            assertThat(RequiredService.listening(uri, 6379)).isTrue();
        }
        assertThat(RequiredService.listening(uri, 6379)).isFalse();
    }

    private static Map<String, String> withNullCi() {
        Map<String, String> environment = new HashMap<>();
        environment.put("CI", null);
        return environment;
    }
}
