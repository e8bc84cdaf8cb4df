package dev.chats.adapters.rest.request;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.function.Function;

/**
 * Writes a long list as it is read, one item at a time: as a JSON array, or as NDJSON (one object per line) when
 * the client asked for {@code application/x-ndjson}. Only the item being written is held in memory; the items come
 * from an iterable that pages through the store, iterated off the event loop.
 */
@Singleton
public final class JsonStream {

    /** The media type of newline-delimited JSON, as Open WebUI's export sends it. */
    public static final String NDJSON = "application/x-ndjson";

    private static final byte[] NEWLINE = "\n".getBytes(StandardCharsets.UTF_8);

    private final JsonMapper json;

    JsonStream(JsonMapper json) {
        this.json = json;
    }

    /** The answer to {@code request}: NDJSON if it asked for it, else a JSON array. */
    public <T> MutableHttpResponse<? extends Flux<?>> answer(HttpRequest<?> request, Iterable<T> items,
                                                        Function<T, ?> toWire) {
        return AcceptHeaderFilter.wantsNdjson(request) ? ndjson(items, toWire) : array(items, toWire);
    }

    /** One JSON object per line, each written as soon as it is read. */
    public <T> MutableHttpResponse<Flux<byte[]>> ndjson(Iterable<T> items, Function<T, ?> toWire) {
        Flux<byte[]> body = Flux.fromIterable(items)
                .map(item -> concat(write(toWire.apply(item)), NEWLINE))
                .subscribeOn(Schedulers.boundedElastic());
        return HttpResponse.ok(body).contentType(MediaType.of(NDJSON));
    }

    /**
     * A JSON array, each element written as soon as it is read (the framework frames a streamed JSON answer as
     * an array).
     */
    public <T> MutableHttpResponse<Flux<Object>> array(Iterable<T> items, Function<T, ?> toWire) {
        Flux<Object> body = Flux.fromIterable(items).<Object>map(toWire::apply)
                .subscribeOn(Schedulers.boundedElastic());
        return HttpResponse.ok(body).contentType(MediaType.APPLICATION_JSON_TYPE);
    }

    private byte[] write(Object value) {
        try {
            return json.writeValueAsBytes(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
