package dev.chats.app.ws.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Load benchmark of the event socket (not a test: run it by hand, see the README). Starts {@link BenchServer} in a
 * JVM of its own, signs up {@code users} users with one chat each, holds {@code sockets} open sockets spread evenly
 * over them, then causes {@code rate} events per second for {@code seconds} seconds through REST
 * ({@code POST /api/v1/chats/{id}/messages/m1}, each a {@code chat:message} for every socket of that chat's owner)
 * and reports delivered/expected, misdelivered, the delivery latency from the start of the REST call to the frame
 * on the socket (p50/p90/p99/max), the REST latency, and the server's heap and resident memory per idle socket.
 *
 * <p>Arguments, all optional: {@code sockets=1000 users=100 rate=100 seconds=30}. Traffic goes to 127.0.0.1 only
 * and stops by itself.
 */
public final class WebSocketLoadBenchmark {

    private static final Pattern BENCH_CONTENT = Pattern.compile("\"content\":\"bench-(\\d+)-(\\d+)\"");

    private WebSocketLoadBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, Integer> options = new HashMap<>(Map.of("sockets", 1000, "users", 100, "rate", 100,
                "seconds", 30));
        for (String arg : args) {
            String[] pair = arg.split("=", 2);
            if (pair.length != 2 || !options.containsKey(pair[0])) {
                throw new IllegalArgumentException("unknown argument " + arg + "; expected " + options.keySet());
            }
            options.put(pair[0], Integer.parseInt(pair[1]));
        }
        int socketCount = options.get("sockets");
        int userCount = Math.min(options.get("users"), socketCount);
        int rate = options.get("rate");
        int seconds = options.get("seconds");

        Process serverProcess = startServer();
        try {
            run(serverProcess, socketCount, userCount, rate, seconds);
        } finally {
            serverProcess.destroy();
            if (!serverProcess.waitFor(10, TimeUnit.SECONDS)) {
                serverProcess.destroyForcibly();
            }
        }
        System.exit(0);
    }

    private static void run(Process serverProcess, int socketCount, int userCount, int rate, int seconds)
            throws Exception {
        BlockingQueue<String> serverLines = new LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(serverProcess.getInputStream(),
                    StandardCharsets.UTF_8))) {
                String line;
                while ((line = lines.readLine()) != null) {
                    if (line.startsWith("READY ") || line.startsWith("HEAP ") || line.startsWith("SOCKETS ")) {
                        serverLines.add(line);
                    } else {
                        System.out.println("  [server] " + line);
                    }
                }
            } catch (IOException e) {
                // Server gone.
            }
        }, "bench-server-output");
        reader.setDaemon(true);
        reader.start();
        PrintWriter serverCommands = new PrintWriter(serverProcess.getOutputStream(), true, StandardCharsets.UTF_8);

        String ready = serverLines.poll(120, TimeUnit.SECONDS);
        if (ready == null) {
            throw new IllegalStateException("the benchmark server did not start within 120 s");
        }
        String base = "http://127.0.0.1:" + ready.substring("READY ".length()).trim();
        System.out.printf("server up at %s (pid %d)%n", base, serverProcess.pid());

        ExecutorService clientPool = Executors.newFixedThreadPool(4);
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).executor(clientPool)
                .connectTimeout(Duration.ofSeconds(10)).build();

        // Users, each with one chat holding message m1.
        long setupStart = System.nanoTime();
        String[] tokens = new String[userCount];
        String[] chats = new String[userCount];
        List<CompletableFuture<Void>> signups = new ArrayList<>();
        Semaphore inFlight = new Semaphore(8);
        for (int u = 0; u < userCount; u++) {
            int user = u;
            inFlight.acquire();
            signups.add(post(http, base + "/api/v1/auths/signup", null, "{\"name\":\"Bench " + u
                    + "\",\"email\":\"bench" + u + "@example.com\",\"password\":\"bench password\"}")
                    .thenCompose(body -> {
                        tokens[user] = field(body, "token");
                        return post(http, base + "/api/v1/chats/new", tokens[user], "{\"chat\":{\"title\":\"Bench "
                                + user + "\",\"history\":{\"currentId\":\"m1\",\"messages\":{\"m1\":{\"id\":\"m1\","
                                + "\"role\":\"assistant\",\"content\":\"start\"}}}}}");
                    })
                    .thenAccept(body -> chats[user] = field(body, "id"))
                    .whenComplete((ok, failure) -> inFlight.release()));
        }
        CompletableFuture.allOf(signups.toArray(CompletableFuture[]::new)).get(300, TimeUnit.SECONDS);
        System.out.printf("%d users with one chat each in %.1f s%n", userCount, seconds(setupStart));

        long[] baseline = heap(serverCommands, serverLines);

        // The sockets: socket i belongs to user i % users.
        int expectedEvents = rate * seconds;
        AtomicLongArray sentAt = new AtomicLongArray(expectedEvents + rate);
        ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        AtomicInteger delivered = new AtomicInteger();
        AtomicInteger misdelivered = new AtomicInteger();
        AtomicInteger closedEarly = new AtomicInteger();
        CountDownLatch authenticated = new CountDownLatch(socketCount);
        List<WebSocket> sockets = new ArrayList<>();
        long openStart = System.nanoTime();
        Semaphore opening = new Semaphore(64);
        List<CompletableFuture<WebSocket>> opened = new ArrayList<>();
        for (int i = 0; i < socketCount; i++) {
            int user = i % userCount;
            opening.acquire();
            Listener listener = new Listener(user, sentAt, latencies, delivered, misdelivered, closedEarly,
                    authenticated);
            opened.add(http.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(30))
                    .buildAsync(URI.create(base.replace("http", "ws") + "/api/v1/ws?token=" + tokens[user]), listener)
                    .whenComplete((socket, failure) -> opening.release()));
        }
        for (CompletableFuture<WebSocket> socket : opened) {
            sockets.add(socket.get(60, TimeUnit.SECONDS));
        }
        if (!authenticated.await(60, TimeUnit.SECONDS)) {
            throw new IllegalStateException(authenticated.getCount() + " sockets were not acknowledged");
        }
        System.out.printf("%d sockets open and authenticated in %.1f s%n", socketCount, seconds(openStart));
        serverCommands.println("sockets");
        System.out.println("server reports " + serverLines.poll(30, TimeUnit.SECONDS));
        long[] idle = heap(serverCommands, serverLines);

        // The load: `rate` REST calls per second, each one event for the sockets of one user.
        int socketsPerUserMin = socketCount / userCount;
        int remainder = socketCount % userCount;
        long expectedDeliveries = 0;
        for (int seq = 0; seq < expectedEvents; seq++) {
            int user = seq % userCount;
            expectedDeliveries += socketsPerUserMin + (user < remainder ? 1 : 0);
        }
        ConcurrentLinkedQueue<Long> restLatencies = new ConcurrentLinkedQueue<>();
        AtomicInteger restErrors = new AtomicInteger();
        AtomicInteger next = new AtomicInteger();
        CountDownLatch allSent = new CountDownLatch(expectedEvents);
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();
        long periodNanos = 1_000_000_000L / rate;
        long loadStart = System.nanoTime();
        ticker.scheduleAtFixedRate(() -> {
            int seq = next.getAndIncrement();
            if (seq >= expectedEvents) {
                return;
            }
            int user = seq % userCount;
            long start = System.nanoTime();
            sentAt.set(seq, start);
            post(http, base + "/api/v1/chats/" + chats[user] + "/messages/m1", tokens[user],
                    "{\"content\":\"bench-" + seq + "-" + user + "\"}")
                    .whenComplete((body, failure) -> {
                        if (failure != null) {
                            restErrors.incrementAndGet();
                        } else {
                            restLatencies.add(System.nanoTime() - start);
                        }
                        allSent.countDown();
                    });
        }, 0, periodNanos, TimeUnit.NANOSECONDS);
        allSent.await(seconds + 120L, TimeUnit.SECONDS);
        ticker.shutdownNow();
        double loadSeconds = seconds(loadStart);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (delivered.get() < expectedDeliveries && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        Thread.sleep(500);

        long[] delivery = sorted(latencies);
        long[] rest = sorted(restLatencies);
        System.out.println();
        System.out.println("=== WebSocket load benchmark ===");
        System.out.printf("machine: %d cores, Java %s; server and clients in separate JVMs on 127.0.0.1%n",
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
        System.out.printf("sockets: %d over %d users; events: %d at %d/s for %d s (sent in %.1f s)%n", socketCount,
                userCount, expectedEvents, rate, seconds, loadSeconds);
        System.out.printf("delivered/expected: %d/%d (%.2f%%), misdelivered: %d, sockets closed early: %d%n",
                delivered.get(), expectedDeliveries, 100.0 * delivered.get() / expectedDeliveries,
                misdelivered.get(), closedEarly.get());
        System.out.printf("delivery latency (REST call start -> frame on socket): p50 %.1f ms, p90 %.1f ms, "
                + "p99 %.1f ms, max %.1f ms%n", ms(percentile(delivery, 50)), ms(percentile(delivery, 90)),
                ms(percentile(delivery, 99)), ms(delivery.length == 0 ? 0 : delivery[delivery.length - 1]));
        System.out.printf("REST latency: p50 %.1f ms, p99 %.1f ms, errors %d%n", ms(percentile(rest, 50)),
                ms(percentile(rest, 99)), restErrors.get());
        System.out.printf("server heap after GC: %.1f MiB before sockets, %.1f MiB with %d idle sockets "
                        + "-> %.1f KiB per idle socket%n", mib(baseline[0]), mib(idle[0]), socketCount,
                (idle[0] - baseline[0]) / 1024.0 / socketCount);
        if (baseline[1] > 0 && idle[1] > 0) {
            System.out.printf("server resident set: %.1f MiB -> %.1f MiB (%.1f KiB per socket, includes JIT and "
                    + "buffer pools warming up)%n", mib(baseline[1]), mib(idle[1]),
                    (idle[1] - baseline[1]) / 1024.0 / socketCount);
        }

        for (WebSocket socket : sockets) {
            socket.abort();
        }
        serverCommands.println("stop");
        clientPool.shutdownNow();
    }

    private static CompletableFuture<String> post(HttpClient http, String url, String token, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.sendAsync(request.build(), HttpResponse.BodyHandlers.ofString()).thenApply(response -> {
            if (response.statusCode() != 200) {
                throw new IllegalStateException(url + " answered " + response.statusCode() + " " + response.body());
            }
            return response.body();
        });
    }

    private static String field(String json, String name) {
        Matcher matcher = Pattern.compile("\"" + name + "\":\"([^\"]+)\"").matcher(json);
        if (!matcher.find()) {
            throw new IllegalStateException("no " + name + " in " + json);
        }
        return matcher.group(1);
    }

    private static long[] heap(PrintWriter commands, BlockingQueue<String> lines) throws InterruptedException {
        commands.println("heap");
        String line = lines.poll(60, TimeUnit.SECONDS);
        if (line == null) {
            throw new IllegalStateException("the server did not report its heap");
        }
        String[] parts = line.split(" ");
        return new long[] {Long.parseLong(parts[1]), Long.parseLong(parts[2])};
    }

    private static Process startServer() throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(java, "-Xmx1g", "-cp", System.getProperty("java.class.path"),
                BenchServer.class.getName());
        builder.redirectError(ProcessBuilder.Redirect.INHERIT);
        return builder.start();
    }

    private static long[] sorted(ConcurrentLinkedQueue<Long> values) {
        long[] array = values.stream().mapToLong(Long::longValue).toArray();
        Arrays.sort(array);
        return array;
    }

    private static long percentile(long[] sorted, int percent) {
        if (sorted.length == 0) {
            return 0;
        }
        int index = (int) Math.ceil(percent / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    private static double ms(long nanos) {
        return nanos / 1_000_000.0;
    }

    private static double mib(long bytes) {
        return bytes / 1024.0 / 1024.0;
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    /** One benchmark socket: counts the events it gets and how long each took since its REST call started. */
    private static final class Listener implements WebSocket.Listener {

        private final int user;
        private final AtomicLongArray sentAt;
        private final ConcurrentLinkedQueue<Long> latencies;
        private final AtomicInteger delivered;
        private final AtomicInteger misdelivered;
        private final AtomicInteger closedEarly;
        private final CountDownLatch authenticated;
        private final StringBuilder partial = new StringBuilder();

        Listener(int user, AtomicLongArray sentAt, ConcurrentLinkedQueue<Long> latencies, AtomicInteger delivered,
                 AtomicInteger misdelivered, AtomicInteger closedEarly, CountDownLatch authenticated) {
            this.user = user;
            this.sentAt = sentAt;
            this.latencies = latencies;
            this.delivered = delivered;
            this.misdelivered = misdelivered;
            this.closedEarly = closedEarly;
            this.authenticated = authenticated;
        }

        @Override
        public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
            long now = System.nanoTime();
            partial.append(data);
            if (last) {
                String frame = partial.toString();
                partial.setLength(0);
                if (frame.startsWith("{\"event\":\"auth\"")) {
                    authenticated.countDown();
                } else {
                    Matcher matcher = BENCH_CONTENT.matcher(frame);
                    if (matcher.find()) {
                        int seq = Integer.parseInt(matcher.group(1));
                        int owner = Integer.parseInt(matcher.group(2));
                        if (owner != user) {
                            misdelivered.incrementAndGet();
                        } else {
                            delivered.incrementAndGet();
                            latencies.add(now - sentAt.get(seq));
                        }
                    }
                }
            }
            socket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket socket, int statusCode, String reason) {
            closedEarly.incrementAndGet();
            return null;
        }
    }
}
