package dev.chats.adapters.rest.ws;

import io.micronaut.websocket.CloseReason;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** Test double of a connection: records what was sent; sends complete at once unless told to stall. */
final class FakeTransport implements SocketTransport {

    final List<String> sent = new ArrayList<>();
    final List<CompletableFuture<Void>> unfinished = new ArrayList<>();
    boolean stalled;
    /** Event frames throw, as a session closing under the sender does. */
    boolean failEvents;
    int pings;
    CloseReason closedWith;
    boolean aborted;

    @Override
    public synchronized CompletionStage<?> send(String frame) {
        if (failEvents && frame.startsWith("{\"event\":\"events\"")) {
            throw new IllegalStateException("channel closed");
        }
        sent.add(frame);
        CompletableFuture<Void> written = new CompletableFuture<>();
        if (stalled) {
            unfinished.add(written);
        } else {
            written.complete(null);
        }
        return written;
    }

    @Override
    public void ping() {
        pings++;
    }

    @Override
    public void close(CloseReason reason) {
        closedWith = reason;
    }

    @Override
    public void abort() {
        aborted = true;
    }

    /** The client read everything. */
    synchronized void drain() {
        unfinished.forEach(f -> f.complete(null));
        unfinished.clear();
    }
}
