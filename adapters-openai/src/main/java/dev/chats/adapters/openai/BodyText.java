package dev.chats.adapters.openai;

import dev.chats.domain.port.ModelUnavailableException;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A whole response body as UTF-8 text, collected as the connection delivers it and taken by the caller's thread by a
 * deadline: the request's timeout bounds the answer's head only, so an upstream that stalls in the middle of its
 * body is cut here. A body over {@code maxBytes} is refused as soon as it gets there, so an upstream answering
 * without end cannot fill the heap. {@link #cancel()} abandons the connection.
 */
final class BodyText implements Flow.Subscriber<List<ByteBuffer>> {

    private final int maxBytes;
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final CompletableFuture<String> text = new CompletableFuture<>();
    private volatile Flow.Subscription subscription;

    BodyText(int maxBytes) {
        this.maxBytes = maxBytes;
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
        subscription = s;
        s.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(List<ByteBuffer> buffers) {
        for (ByteBuffer buffer : buffers) {
            if (bytes.size() + buffer.remaining() > maxBytes) {
                cancel();
                text.completeExceptionally(new TooLargeException(maxBytes));
                return;
            }
            byte[] chunk = new byte[buffer.remaining()];
            buffer.get(chunk);
            bytes.write(chunk, 0, chunk.length);
        }
    }

    @Override
    public void onError(Throwable failure) {
        text.completeExceptionally(failure);
    }

    @Override
    public void onComplete() {
        text.complete(bytes.toString(StandardCharsets.UTF_8));
    }

    /** The whole body, once it has arrived, if it does before {@code deadline} ({@link System#nanoTime()}). */
    String await(long deadline, Duration timeout) {
        try {
            return text.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            cancel();
            throw new ModelUnavailableException("the model did not answer within " + timeout.toSeconds() + " s", e);
        } catch (InterruptedException e) {
            cancel();
            Thread.currentThread().interrupt();
            throw new ModelUnavailableException("the model call was interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof TooLargeException tooLarge) {
                throw new ModelUnavailableException(tooLarge.getMessage(), tooLarge);
            }
            throw new ModelUnavailableException("the model's answer broke off", e.getCause());
        }
    }

    /** Why an answer over {@code maxSize} (bytes of a whole answer, characters of a streamed one) is refused. */
    static String tooLarge(int maxSize) {
        return "the model's answer is larger than " + maxSize / (1024 * 1024) + " MiB";
    }

    /** The body went over the size this reader accepts. */
    static final class TooLargeException extends RuntimeException {
        TooLargeException(int maxBytes) {
            super(tooLarge(maxBytes));
        }
    }

    void cancel() {
        Flow.Subscription s = subscription;
        if (s != null) {
            s.cancel();
        }
    }
}
