package dev.chats.adapters.rest.cors;

import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.http.server.HttpServerConfiguration;
import io.micronaut.http.server.cors.CorsOriginConfiguration;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.Map;

/**
 * Cross-origin access: gives the framework's CORS filter one configuration built from {@link AllowedOrigins}, for
 * every route of both surfaces. The framework's list settings split on commas, Open WebUI's setting on semicolons,
 * hence this listener instead of plain configuration. With no origin allowed, a cross-origin preflight is refused
 * (403, no CORS headers) and no answer carries {@code Access-Control-Allow-Origin}.
 */
@Singleton
final class CorsSettings implements BeanCreatedEventListener<HttpServerConfiguration.CorsConfiguration> {

    /** Answer headers a page may read: request ids, the applied preference, the export file name, the timing. */
    static final List<String> EXPOSED = List.of("X-Request-ID", "Preference-Applied", "Content-Disposition",
            "Server-Timing");

    private final AllowedOrigins allowed;

    CorsSettings(CrossOriginSettings settings) {
        this.allowed = settings.allowOrigin();
    }

    @Override
    public HttpServerConfiguration.CorsConfiguration onCreated(
            BeanCreatedEvent<HttpServerConfiguration.CorsConfiguration> event) {
        HttpServerConfiguration.CorsConfiguration cors = event.getBean();
        CorsOriginConfiguration origins = new CorsOriginConfiguration();
        // The framework recognises "any" by this very list; an empty list matches no origin.
        origins.setAllowedOrigins(allowed.any() ? CorsOriginConfiguration.ANY : allowed.origins());
        origins.setExposedHeaders(EXPOSED);
        origins.setAllowCredentials(true);
        cors.setEnabled(true);
        cors.setSingleHeader(true);
        cors.setConfigurations(Map.of("chats", origins));
        return cors;
    }
}
