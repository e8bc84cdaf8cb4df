package dev.chats.app.operations;

import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.web.router.Router;
import io.micronaut.web.router.UriRouteInfo;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The OpenAPI document served at {@code /openapi/chats.yml} without a token: valid OpenAPI 3, the same routes as the
 * running router (method and path, both ways), no raw-bytes body or empty answer left, and each surface's error body
 * on its routes. Swagger UI is served beside it and points at it.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OpenApiDocumentTest {

    static final String DOCUMENT = "/openapi/chats.yml";

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    Router router;

    OpenAPI document;

    @BeforeAll
    void readDocument() {
        HttpResponse<String> response = client.toBlocking().exchange(HttpRequest.GET(DOCUMENT), String.class);
        assertThat(response.code()).isEqualTo(200);
        assertThat(response.getContentType()).as("served as YAML").hasValue(MediaType.APPLICATION_YAML_TYPE);
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        SwaggerParseResult parsed = new OpenAPIV3Parser().readContents(response.body(), null, options);
        assertThat(parsed.getMessages()).as("OpenAPI 3 validation messages").isEmpty();
        document = parsed.getOpenAPI();
        assertThat(document).isNotNull();
        assertThat(document.getOpenapi()).startsWith("3.");
    }

    @Test
    void everyRouteOfTheRouter_isInTheDocument_andNothingElse() {
        // The framework answers HEAD on every GET route by itself; the document lists the GET. Management endpoints
        // (health, metrics) are the operators' surface, not the API's, and are left to their own documentation.
        Set<String> routed = router.uriRoutes()
                .filter(route -> route.getHttpMethod() != HttpMethod.HEAD)
                .filter(route -> !route.getAnnotationMetadata()
                        .hasStereotype("io.micronaut.management.endpoint.annotation.Endpoint"))
                .map(OpenApiDocumentTest::key)
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> documented = new TreeSet<>();
        document.getPaths().forEach((path, item) -> item.readOperationsMap().keySet()
                .forEach(method -> documented.add(method.name() + " " + normalised(path))));

        assertThat(routed).as("routes of the running server").hasSizeGreaterThan(70);
        assertThat(documented).as("documented operations").containsAll(routed);
        assertThat(routed).as("routes behind the documented operations").containsAll(documented);
    }

    @Test
    void bodiesAndAnswers_areDescribed_notRawBytesOrEmpty() {
        List<String> undescribed = new ArrayList<>();
        forEachOperation((name, operation) -> {
            if (operation.getRequestBody() != null) {
                checkContent(name + " request body", operation.getRequestBody().getContent(), undescribed);
            }
            operation.getResponses().forEach((code, response) -> {
                if (code.startsWith("2") && response.getContent() != null) {
                    checkContent(name + " " + code, response.getContent(), undescribed);
                }
            });
        });
        assertThat(undescribed).isEmpty();
        Operation signIn = document.getPaths().get("/api/v1/auths/signin").getPost();
        assertThat(signIn.getRequestBody().getContent().get("application/json").getSchema().get$ref())
                .endsWith("/SigninForm");
        assertThat(document.getComponents().getSchemas().get("SigninForm").getRequired())
                .containsExactlyInAnyOrder("email", "password");
        Operation chats = document.getPaths().get("/chat").getGet();
        assertThat(chats.getParameters()).extracting(parameter -> parameter.getName())
                .contains("page", "limit", "sortOrder", "createdAtGt", "cursor", "assistantIdAny");
    }

    @Test
    void errors_areDescribedInEachSurfacesEnvelope() {
        List<String> wrong = new ArrayList<>();
        forEachOperation((name, operation) -> {
            // The sockets' refusals are close codes and connect_error packets, not error bodies of an HTTP answer.
            if (name.endsWith(" /api/v1/ws") || name.contains(" /ws/socket.io")) {
                return;
            }
            boolean vapi = !name.contains(" /api/");
            String code = vapi ? "400" : "401";
            String schema = vapi ? "NestError" : "DetailError";
            ApiResponse error = operation.getResponses().get(code);
            String ref = error == null || error.getContent() == null ? null
                    : error.getContent().get("application/json").getSchema().get$ref();
            if (ref == null || !ref.endsWith("/" + schema)) {
                wrong.add(name + " " + code + " -> " + ref);
            }
        });
        assertThat(wrong).isEmpty();
        Map<String, Schema> schemas = document.getComponents().getSchemas();
        assertThat(schemas.get("NestError").getProperties()).containsOnlyKeys("message", "error", "statusCode");
        assertThat(schemas.get("DetailError").getProperties()).containsOnlyKeys("detail");
    }

    @Test
    void publicAndSignedInRoutes_sayWhetherTheyNeedTheToken() {
        assertThat(document.getComponents().getSecuritySchemes().get("bearer").getScheme()).isEqualTo("bearer");
        assertThat(document.getPaths().get("/api/v1/auths/signin").getPost().getSecurity()).isNullOrEmpty();
        assertThat(document.getPaths().get("/api/v1/chats/{id}").getGet().getSecurity())
                .anyMatch(requirement -> requirement.containsKey("bearer"));
        assertThat(document.getPaths().get("/chat").getPost().getSecurity())
                .anyMatch(requirement -> requirement.containsKey("bearer"));
    }

    @Test
    void swaggerUi_isServedWithoutAToken_andReadsTheDocument() {
        HttpResponse<String> page = client.toBlocking()
                .exchange(HttpRequest.GET("/swagger-ui/index.html"), String.class);
        assertThat(page.code()).isEqualTo(200);
        assertThat(page.body()).contains(DOCUMENT);
        HttpResponse<byte[]> bundle = client.toBlocking()
                .exchange(HttpRequest.GET("/swagger-ui/res/swagger-ui-bundle.js"), byte[].class);
        assertThat(bundle.code()).isEqualTo(200);
        assertThat(bundle.body()).hasSizeGreaterThan(100_000);
    }

    private void forEachOperation(java.util.function.BiConsumer<String, Operation> check) {
        document.getPaths().forEach((path, item) -> item.readOperationsMap()
                .forEach((method, operation) -> check.accept(method + " " + path, operation)));
    }

    private static void checkContent(String where, Content content, List<String> undescribed) {
        if (content == null || content.isEmpty()) {
            undescribed.add(where + ": no content");
            return;
        }
        content.forEach((mediaType, media) -> {
            Schema<?> schema = media.getSchema();
            boolean described = schema != null && (schema.get$ref() != null || schema.getOneOf() != null
                    || schema.getItems() != null
                    || (schema.getType() != null && !"object".equals(schema.getType()))
                    || schema.getProperties() != null);
            boolean rawBytes = schema != null && "byte".equals(schema.getFormat());
            if (!described || rawBytes) {
                undescribed.add(where + " " + mediaType + ": " + schema);
            }
        });
    }

    /** "GET /api/v1/chats/{}": path variables unnamed and no trailing slash, as router and document spell them apart. */
    private static String key(UriRouteInfo<?, ?> route) {
        HttpMethod method = route.getHttpMethod();
        return method.name() + " " + normalised(route.getUriMatchTemplate().toPathString());
    }

    private static String normalised(String path) {
        // An optional trailing part ({/rest}) names no other operation: /ws/socket.io{/rest} is /ws/socket.io.
        String unnamed = path.replaceAll("\\{/[^}]*}$", "").replaceAll("\\{[^}]*}", "{}");
        return unnamed.length() > 1 && unnamed.endsWith("/") ? unnamed.substring(0, unnamed.length() - 1) : unnamed;
    }
}
