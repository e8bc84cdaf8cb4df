package dev.chats.app.crash;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * Test helper: the chat server as a child process of its own (the test JVM's classpath, {@code main} of the
 * application), so a test can kill it with SIGKILL as a crashing host would and start it again on the same data.
 */
final class ServerProcess implements AutoCloseable {

    private final Map<String, String> environment;
    private final Path log;
    private final int port;
    private Process process;

    ServerProcess(Map<String, String> environment, Path log) {
        this.environment = new HashMap<>(environment);
        this.log = log;
        this.port = freePort();
        this.environment.put("MICRONAUT_SERVER_PORT", Integer.toString(port));
    }

    URI base() {
        return URI.create("http://127.0.0.1:" + port);
    }

    /** Starts the server and waits until it answers HTTP. */
    void start() throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(java, "-Xmx384m", "-XX:TieredStopAtLevel=1",
                "-cp", System.getProperty("java.class.path"), "dev.chats.app.Application");
        builder.environment().putAll(environment);
        builder.redirectErrorStream(true);
        builder.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        process = builder.start();
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the server exited with " + process.exitValue() + "; see " + log);
            }
            try {
                client.send(HttpRequest.newBuilder(base().resolve("/api/v1/auths/")).timeout(Duration.ofSeconds(2))
                        .GET().build(), HttpResponse.BodyHandlers.discarding());
                return;
            } catch (IOException notYet) {
                Thread.sleep(100);
            }
        }
        throw new IllegalStateException("the server did not answer within 60 s; see " + log);
    }

    /** SIGKILL: no shutdown hook runs, nothing is flushed that was not already on its way to disk. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    /**
     * SIGTERM, as an orchestrator stops a container; waits for the process to end.
     *
     * @return its exit status, or -1 if it was still running after {@code timeout} (it is then killed)
     */
    int terminate(Duration timeout) throws InterruptedException {
        process.destroy();
        if (!process.waitFor(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
            kill();
            return -1;
        }
        return process.exitValue();
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null && process.isAlive()) {
            kill();
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The last {@code lines} lines of a log file, for a failure message. */
    static String tail(Path log, int lines) {
        try {
            java.util.List<String> all = java.nio.file.Files.readAllLines(log);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(unreadable: " + e + ")";
        }
    }

    static File logFile(String name) {
        File dir = new File("target/crash-logs");
        dir.mkdirs();
        return new File(dir, name + ".log");
    }
}
