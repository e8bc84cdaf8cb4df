package dev.chats.adapters.openai;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.Flow;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The lines of a streamed response body, taken one at a time by the caller's thread with an idle timeout. Lines
 * are requested from the connection as they are taken (a few ahead), so a slow consumer holds back the upstream
 * instead of buffering its whole answer; {@link #cancel()} abandons the connection.
 */
final class SseLines implements Flow.Subscriber<String> {

    private static final int AHEAD = 16;
    private static final Object END = new Object();

    private final LinkedBlockingQueue<Object> queue = new LinkedBlockingQueue<>();
    private volatile Flow.Subscription subscription;

    /** The upstream sent no line within the idle timeout. */
    static final class IdleTimeoutException extends IOException {
        IdleTimeoutException() {
            super("no data within the idle timeout");
        }
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
        subscription = s;
        s.request(AHEAD);
    }

    @Override
    public void onNext(String line) {
        queue.add(line);
    }

    @Override
    public void onError(Throwable throwable) {
        queue.add(throwable);
    }

    @Override
    public void onComplete() {
        queue.add(END);
    }

    /** The next line, or null at the end of the body. */
    String next(Duration idle) throws IOException, InterruptedException {
        Object item = queue.poll(idle.toMillis(), TimeUnit.MILLISECONDS);
        if (item == null) {
            throw new IdleTimeoutException();
        }
        if (item == END) {
            queue.add(END);
            return null;
        }
        if (item instanceof Throwable failure) {
            throw failure instanceof IOException io ? io : new IOException(failure);
        }
        Flow.Subscription s = subscription;
        if (s != null) {
            s.request(1);
        }
        return (String) item;
    }

    void cancel() {
        Flow.Subscription s = subscription;
        if (s != null) {
            s.cancel();
        }
    }
}
