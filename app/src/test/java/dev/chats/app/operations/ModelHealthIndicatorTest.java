package dev.chats.app.operations;

import dev.chats.adapters.openai.OpenAiChatCompletions;
import dev.chats.adapters.openai.OpenAiSettings;
import io.micronaut.json.JsonMapper;
import io.micronaut.management.health.indicator.HealthResult;
import io.micronaut.scheduling.TaskScheduler;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The model server is never asked while a probe waits, and the first time not before
 * {@link ModelHealthIndicator#FIRST_ASK_DELAY} after the first probe: that probe is a new instance's first answer.
 * The scheduler and the pool the check runs on only record what they are given, so each step is run by the test.
 */
class ModelHealthIndicatorTest {

    private final ExecutorService probeThreads = Executors.newSingleThreadExecutor();
    private final RecordingPool askPool = new RecordingPool();
    private final RecordingScheduler scheduler = new RecordingScheduler();
    // Port 9 (discard) is closed here: the check's answer is "not reachable", at once.
    private final ModelHealthIndicator indicator = new ModelHealthIndicator(
            new OpenAiChatCompletions(new OpenAiSettings("http://127.0.0.1:9/v1", "", ""), JsonMapper.createDefault()),
            new BlockingProbe(probeThreads), askPool, scheduler);

    @AfterEach
    void stop() {
        probeThreads.shutdownNow();
    }

    @Test
    void theFirstProbe_schedulesTheCheckForLater_andAnswersThatItIsBeingChecked() {
        assertThat(modelDetails()).containsEntry("checking", true).containsEntry("url", "http://127.0.0.1:9/v1");

        assertThat(scheduler.delays).containsExactly(ModelHealthIndicator.FIRST_ASK_DELAY);
        assertThat(askPool.tasks).isEmpty();
    }

    @Test
    void probesWhileTheCheckIsPending_askNothingMore_andTheCheckRunsOnThePoolOnceDue() {
        modelDetails();
        modelDetails();
        assertThat(scheduler.delays).hasSize(1);

        scheduler.tasks.get(0).run();
        assertThat(askPool.tasks).hasSize(1);
        assertThat(modelDetails()).containsEntry("checking", true);

        askPool.tasks.get(0).run();
        assertThat(modelDetails()).containsEntry("reachable", false).doesNotContainKey("checking");
        assertThat(scheduler.delays).hasSize(1);
        assertThat(askPool.tasks).hasSize(1);
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> modelDetails() {
        HealthResult result = Mono.from(indicator.getResult()).block(Duration.ofSeconds(10));
        return (Map<String, Object>) result.getDetails();
    }

    /** A pool that keeps what it is given. */
    private static final class RecordingPool extends AbstractExecutorService {

        final List<Runnable> tasks = new ArrayList<>();

        @Override
        public synchronized void execute(Runnable task) {
            tasks.add(task);
        }

        @Override
        public void shutdown() {
        }

        @Override
        public List<Runnable> shutdownNow() {
            return List.of();
        }

        @Override
        public boolean isShutdown() {
            return false;
        }

        @Override
        public boolean isTerminated() {
            return false;
        }

        @Override
        public boolean awaitTermination(long timeout, TimeUnit unit) {
            return true;
        }
    }

    /** A scheduler that keeps the delayed tasks it is given; nothing else is expected of it. */
    private static final class RecordingScheduler implements TaskScheduler {

        final List<Duration> delays = new ArrayList<>();
        final List<Runnable> tasks = new ArrayList<>();

        @Override
        public synchronized ScheduledFuture<?> schedule(Duration delay, Runnable command) {
            delays.add(delay);
            tasks.add(command);
            return null;
        }

        @Override
        public ScheduledFuture<?> schedule(String cron, Runnable command) {
            throw new UnsupportedOperationException();
        }

        @Override
        public <V> ScheduledFuture<V> schedule(String cron, Callable<V> command) {
            throw new UnsupportedOperationException();
        }

        @Override
        public <V> ScheduledFuture<V> schedule(Duration delay, Callable<V> callable) {
            throw new UnsupportedOperationException();
        }

        @Override
        public ScheduledFuture<?> scheduleAtFixedRate(Duration initialDelay, Duration period, Runnable command) {
            throw new UnsupportedOperationException();
        }

        @Override
        public ScheduledFuture<?> scheduleWithFixedDelay(Duration initialDelay, Duration delay, Runnable command) {
            throw new UnsupportedOperationException();
        }
    }
}
