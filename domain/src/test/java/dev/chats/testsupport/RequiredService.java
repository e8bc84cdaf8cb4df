package dev.chats.testsupport;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.util.Map;

/**
 * What a test does when a service it needs (a database server, Redis) is not there. On a developer's machine it is
 * skipped with the reason, so the rest of the suite still runs. Under {@code CI=true} it fails instead:
 * {@code .ci/run} is meant to have started every such service, and a CI run that quietly skipped their tests would
 * report green for code it never ran.
 */
public final class RequiredService {

    /** What becomes of a test whose service is, or is not, available. */
    public enum Outcome { RUN, SKIP, FAIL }

    private final boolean onCi;

    private RequiredService(boolean onCi) {
        this.onCi = onCi;
    }

    /** The policy for this JVM's environment. */
    public static RequiredService here() {
        return in(System.getenv());
    }

    /** The policy for the given environment: CI is on when {@code CI} is {@code true} (any case). */
    public static RequiredService in(Map<String, String> environment) {
        return new RequiredService("true".equalsIgnoreCase(String.valueOf(environment.get("CI")).trim()));
    }

    /** Skips (outside CI) or fails (under CI) the calling test unless the service is available. */
    public static void require(boolean available, String reason) {
        here().check(available, reason);
    }

    /**
     * Whether something accepts TCP connections at the URI's host and port ({@code defaultPort} when the URI names
     * none) within half a second: enough for a server on this machine or the local network.
     */
    public static boolean listening(String uri, int defaultPort) {
        URI parsed = URI.create(uri);
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(parsed.getHost(), parsed.getPort() < 0 ? defaultPort
                    : parsed.getPort()), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    public Outcome outcome(boolean available) {
        if (available) {
            return Outcome.RUN;
        }
        return onCi ? Outcome.FAIL : Outcome.SKIP;
    }

    /**
     * Returns when the service is available; otherwise aborts the test with {@code reason}, or under CI fails it
     * with {@code reason} and why a CI run does not skip.
     */
    public void check(boolean available, String reason) {
        switch (outcome(available)) {
            case RUN -> { }
            case SKIP -> Assumptions.abort(reason);
            case FAIL -> Assertions.fail("CI=true, so this test fails instead of being skipped: " + reason
                    + ". .ci/run is meant to start this service; see its output for why it is not reachable.");
        }
    }
}
