package dev.chats.app.ws.bench;

import dev.chats.adapters.rest.ws.EventSockets;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The server side of {@link WebSocketLoadBenchmark}, in a JVM of its own so that its memory is measured without
 * the clients': starts the server on a free port (in-memory H2), prints {@code READY <port>}, then answers commands
 * on standard input — {@code heap} (used heap after full collections, and the resident set), {@code sockets}
 * (open / authenticated), {@code stop}.
 */
public final class BenchServer {

    private BenchServer() {
    }

    public static void main(String[] args) throws Exception {
        Path dataDir = Files.createTempDirectory("chats-bench");
        try (EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, Map.of(
                "micronaut.server.port", -1,
                "chats.data-dir", dataDir.toString(),
                "chats.jwt.secret", "benchmark-secret-0123456789abcdefghijklmnopqrstuvwxyz",
                "chats.password.bcrypt-cost", 10,
                "datasources.default.url", "jdbc:h2:mem:bench;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
                        + "DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1"))) {
            EventSockets sockets = server.getApplicationContext().getBean(EventSockets.class);
            System.out.println("READY " + server.getPort());
            BufferedReader commands = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            String command;
            while ((command = commands.readLine()) != null) {
                switch (command.trim()) {
                    case "heap" -> System.out.println("HEAP " + usedHeapAfterGc() + " " + residentBytes());
                    case "sockets" -> System.out.println("SOCKETS " + sockets.openSockets() + " "
                            + sockets.authenticatedSockets());
                    case "stop" -> {
                        return;
                    }
                    default -> System.out.println("UNKNOWN " + command);
                }
            }
        }
    }

    private static long usedHeapAfterGc() throws InterruptedException {
        for (int i = 0; i < 4; i++) {
            System.gc();
            Thread.sleep(250);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    /** VmRSS from /proc (Linux), else -1. */
    private static long residentBytes() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
        } catch (IOException | NumberFormatException e) {
            // Not Linux: no figure.
        }
        return -1;
    }
}
