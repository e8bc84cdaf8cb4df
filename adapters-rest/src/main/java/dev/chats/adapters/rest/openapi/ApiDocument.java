package dev.chats.adapters.rest.openapi;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.info.License;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * OpenAPI document: the title, tags and security scheme of the document the OpenAPI processor writes at compile time
 * ({@code META-INF/swagger/chats.yml}, served at {@code /openapi/chats.yml}). Routes describe themselves where they
 * are declared; this type holds what belongs to the whole document.
 */
@OpenAPIDefinition(
        info = @Info(
                title = "chats",
                version = "0.1",
                description = "Chat-management backend: Open WebUI's /api/v1/chats, /api/v1/folders and /api/v1/auths "
                        + "routes (errors {\"detail\": …}), the real-time events socket /api/v1/ws, and Vapi's "
                        + "/chat, /session and /assistant routes (errors {\"message\", \"error\", \"statusCode\"}).",
                license = @License(name = "see the repository")),
        tags = {
                @Tag(name = ApiTags.AUTH, description = "Open WebUI sign-up, sign-in, sign-out and password change"),
                @Tag(name = ApiTags.CHATS, description = "Open WebUI chats: lifecycle, lists, exports, import"),
                @Tag(name = ApiTags.CHAT_ORGANISE, description = "Open WebUI chats: tags, pins, archive, folders"),
                @Tag(name = ApiTags.CHAT_SHARING, description = "Open WebUI chats: shares, grants and clones"),
                @Tag(name = ApiTags.CHAT_MESSAGES, description = "Open WebUI chats: messages and statistics"),
                @Tag(name = ApiTags.FOLDERS, description = "Open WebUI folders"),
                @Tag(name = ApiTags.EVENTS, description = "Open WebUI real-time events (WebSocket)"),
                @Tag(name = ApiTags.VAPI_CHATS, description = "Vapi chats and the OpenAI Responses form of a turn"),
                @Tag(name = ApiTags.VAPI_SESSIONS, description = "Vapi sessions"),
                @Tag(name = ApiTags.VAPI_ASSISTANTS, description = "Vapi saved assistants")
        })
@SecurityScheme(name = ApiDocument.BEARER, type = SecuritySchemeType.HTTP, scheme = "bearer", bearerFormat = "JWT",
        description = "The token answered by /api/v1/auths/signin or /signup (also accepted as the `token` cookie)")
public final class ApiDocument {

    public static final String BEARER = "bearer";

    private ApiDocument() {
    }
}
