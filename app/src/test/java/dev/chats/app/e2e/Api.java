package dev.chats.app.e2e;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/**
 * Test helper: calls the running server over real HTTP with a bearer token and returns status plus parsed JSON,
 * for error answers as well as successes.
 */
final class Api {

    private final HttpClient client;
    private final JsonMapper json;

    Api(HttpClient client, JsonMapper json) {
        this.client = client;
        this.json = json;
    }

    /** One answer: status code, the raw body and the body parsed as a JSON tree. */
    record Reply(int status, String raw, Object body) {

        @SuppressWarnings("unchecked")
        Map<String, Object> object() {
            return (Map<String, Object>) body;
        }

        @SuppressWarnings("unchecked")
        List<Map<String, Object>> list() {
            return (List<Map<String, Object>>) body;
        }

        Object get(String key) {
            return object().get(key);
        }

        Object detail() {
            return object().get("detail");
        }
    }

    Reply get(String token, String uri) {
        return send(HttpRequest.GET(uri), token);
    }

    Reply post(String token, String uri, String body) {
        return send(HttpRequest.POST(uri, body == null ? "" : body).contentType(MediaType.APPLICATION_JSON_TYPE), token);
    }

    Reply delete(String token, String uri) {
        return send(HttpRequest.DELETE(uri), token);
    }

    Reply delete(String token, String uri, String body) {
        return send(HttpRequest.DELETE(uri, body).contentType(MediaType.APPLICATION_JSON_TYPE), token);
    }

    Reply send(MutableHttpRequest<?> request, String token) {
        if (token != null) {
            request.bearerAuth(token);
        }
        try {
            HttpResponse<String> response = client.toBlocking().exchange(request, String.class);
            String raw = response.getBody(String.class).orElse("");
            return new Reply(response.code(), raw, parse(raw));
        } catch (HttpClientResponseException e) {
            String raw = e.getResponse().getBody(String.class).orElse("");
            return new Reply(e.getStatus().getCode(), raw, parse(raw));
        }
    }

    /** Parses JSON text the way the server reads it, so expected and actual trees compare equal. */
    Object parse(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return json.readValue(raw, Argument.OBJECT_ARGUMENT);
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + raw, e);
        }
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> parseObject(String raw) {
        return (Map<String, Object>) parse(raw);
    }

    String write(Object tree) {
        try {
            return json.writeValueAsString(tree);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
