package dev.chats.app.ws;

import dev.chats.testsupport.RequiredService;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The real {@code socket.io-client} npm package, run by node as a child process ({@code src/test/socketio-client/
 * probe.mjs}): it connects as Open WebUI's front-end does and reports, one JSON line each, what it sees. The package
 * is installed from the lockfile ({@code npm ci}) the first time; without node the calling test is skipped, saying
 * so.
 */
final class SocketIoClientProcess implements AutoCloseable {

    static final Path PROBE_DIR = Path.of("src", "test", "socketio-client");
    private static final Argument<Map<String, Object>> OBJECT = Argument.mapOf(String.class, Object.class);

    private final Process process;
    private final JsonMapper json;
    private final BlockingQueue<Map<String, Object>> lines = new LinkedBlockingQueue<>();
    private final StringBuilder stderr = new StringBuilder();

    private SocketIoClientProcess(Process process, JsonMapper json) {
        this.process = process;
        this.json = json;
        Thread reader = new Thread(this::read, "socket.io-client-stdout");
        reader.setDaemon(true);
        reader.start();
        Thread errors = new Thread(this::readErrors, "socket.io-client-stderr");
        errors.setDaemon(true);
        errors.start();
    }

    /**
     * Skips the calling test unless node is on the PATH (fails it under {@code CI=true}, where a green run must not
     * stand for Socket.IO tests that never ran); installs the client package if it is not yet.
     */
    static void requireNode() throws IOException, InterruptedException {
        RequiredService.require(runs(List.of("node", "--version")),
                "no node on the PATH to run socket.io-client against /ws/socket.io");
        if (!Files.isDirectory(PROBE_DIR.resolve("node_modules").resolve("socket.io-client"))) {
            Process install = new ProcessBuilder("npm", "ci", "--no-audit", "--no-fund")
                    .directory(PROBE_DIR.toFile()).redirectErrorStream(true).start();
            String output = new String(install.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!install.waitFor(5, TimeUnit.MINUTES) || install.exitValue() != 0) {
                throw new AssertionError("npm ci in " + PROBE_DIR + " failed:\n" + output);
            }
        }
    }

    /**
     * Starts a client.
     *
     * @param transport {@code websocket} or {@code polling} (the only transport it then uses)
     */
    static SocketIoClientProcess connect(String baseUrl, String token, String transport, JsonMapper json)
            throws IOException {
        ProcessBuilder builder = new ProcessBuilder("node", "probe.mjs", baseUrl, token == null ? "" : token, transport)
                .directory(PROBE_DIR.toFile());
        return new SocketIoClientProcess(builder.start(), json);
    }

    /** The next line the client printed, or fails after {@code wait}. */
    Map<String, Object> next(Duration wait) throws InterruptedException {
        Map<String, Object> line = poll(wait);
        if (line == null) {
            throw new AssertionError("socket.io-client printed nothing within " + wait + "; alive: "
                    + process.isAlive() + "; stderr: " + stderr());
        }
        return line;
    }

    /** The next line of this kind, skipping others; fails after {@code wait}. */
    Map<String, Object> next(String kind, Duration wait) throws InterruptedException {
        long deadline = System.nanoTime() + wait.toNanos();
        while (true) {
            Map<String, Object> line = poll(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
            if (line == null) {
                throw new AssertionError("no " + kind + " from socket.io-client within " + wait + "; stderr: "
                        + stderr());
            }
            if (kind.equals(line.get("kind"))) {
                return line;
            }
        }
    }

    /** The next line, or null if none comes within {@code wait}. */
    Map<String, Object> poll(Duration wait) throws InterruptedException {
        return lines.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Emits {@code user-join} with this token; its acknowledgement arrives as an {@code ack} line. */
    void userJoin(String token) throws IOException {
        OutputStream in = process.getOutputStream();
        in.write((json.writeValueAsString(Map.of("userJoin", token)) + "\n").getBytes(StandardCharsets.UTF_8));
        in.flush();
    }

    /** Closes stdin, on which the client disconnects properly and ends; stops it if it does not. */
    @Override
    public void close() {
        try {
            process.getOutputStream().close();
        } catch (IOException e) {
            // Already gone.
        }
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroy();
            }
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private void read() {
        try (BufferedReader reader = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                lines.add(json.readValue(line, OBJECT));
            }
        } catch (IOException e) {
            // The process ended.
        }
    }

    private void readErrors() {
        try (BufferedReader reader = new BufferedReader(
                new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                synchronized (stderr) {
                    stderr.append(line).append('\n');
                }
            }
        } catch (IOException e) {
            // The process ended.
        }
    }

    private String stderr() {
        synchronized (stderr) {
            return stderr.toString();
        }
    }

    private static boolean runs(List<String> command) throws InterruptedException {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0;
        } catch (IOException e) {
            return false;
        }
    }
}
