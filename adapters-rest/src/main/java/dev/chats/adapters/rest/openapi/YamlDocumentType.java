package dev.chats.adapters.rest.openapi;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;

/**
 * Serves the OpenAPI document ({@code /openapi/chats.yml}) as {@code application/yaml}: the framework's table of
 * file types knows no YAML and would answer {@code text/plain}, which viewers and code generators do not take as a
 * document.
 */
@ServerFilter("/openapi/**")
final class YamlDocumentType {

    @ResponseFilter
    public void yaml(HttpRequest<?> request, MutableHttpResponse<?> response) {
        String path = request.getPath();
        if (response.code() == 200 && (path.endsWith(".yml") || path.endsWith(".yaml"))) {
            response.contentType(MediaType.APPLICATION_YAML_TYPE);
        }
    }
}
