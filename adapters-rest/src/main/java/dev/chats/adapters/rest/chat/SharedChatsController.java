package dev.chats.adapters.rest.chat;

import dev.chats.adapters.rest.error.ApiException;
import dev.chats.adapters.rest.error.OpenWebUiMessages;
import dev.chats.adapters.rest.openapi.Actor;
import dev.chats.adapters.rest.openapi.ApiDocument;
import dev.chats.adapters.rest.openapi.ApiTags;
import dev.chats.adapters.rest.openapi.DetailErrors;
import dev.chats.adapters.rest.openapi.OpenWebUiSchemas;
import dev.chats.adapters.rest.request.AccessGrantsForm;
import dev.chats.adapters.rest.request.JsonBodies;
import dev.chats.adapters.rest.request.QueryParams;
import dev.chats.application.port.in.chat.ChatNotFoundException;
import dev.chats.application.port.in.chat.ShareChatUseCase;
import dev.chats.domain.chat.ChatId;
import dev.chats.domain.chat.PageRequest;
import dev.chats.domain.user.User;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.util.List;
import java.util.function.Supplier;

/**
 * REST adapter: the newest Open WebUI's routes over the caller's shares — {@code GET /shared} (a page of them) and
 * {@code GET /shared/{id}/access}, {@code POST /shared/{id}/access/update} (who may open the share of chat
 * {@code id}). {@code /shared} is a literal path, so it is never read as a chat id.
 */
@Controller("/api/v1/chats")
@Tag(name = ApiTags.CHAT_SHARING)
@DetailErrors
@SecurityRequirement(name = ApiDocument.BEARER)
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
@Consumes({MediaType.APPLICATION_JSON, MediaType.TEXT_PLAIN, MediaType.ALL})
public class SharedChatsController {

    private final JsonBodies bodies;
    private final ShareChatUseCase sharing;

    public SharedChatsController(JsonBodies bodies, ShareChatUseCase sharing) {
        this.bodies = bodies;
        this.sharing = sharing;
    }

    @Get("/shared")
    public List<SharedChatResponse> shared(@Actor User actor, @Nullable @QueryValue String page,
                                           @Nullable @QueryValue String query,
                                           @Nullable @QueryValue("order_by") String orderBy,
                                           @Nullable @QueryValue String direction) {
        long pageNumber = QueryParams.integer("page", page, 1).orElse(1L);
        ShareChatUseCase.SharedListQuery listQuery = new ShareChatUseCase.SharedListQuery(QueryParams.text(query),
                ListOrders.parse(orderBy, direction), PageRequest.ofPage(pageNumber, ListWindows.PAGE_SIZE));
        return sharing.listShared(actor, listQuery).stream().map(SharedChatResponse::from).toList();
    }

    @Get("/shared/{id}/access")
    public List<AccessGrantResponse> access(@Actor User actor, @PathVariable String id) {
        return ownedOr404(() -> sharing.accessGrants(actor, chatIdOr404(id)).stream()
                .map(AccessGrantResponse::from).toList());
    }

    @Post("/shared/{id}/access/update")
    public ChatResponse updateAccess(@Actor User actor, @PathVariable String id, @RequestBody(required = true,
            content = @Content(mediaType = "application/json",
                    schema = @Schema(implementation = OpenWebUiSchemas.AccessGrantsForm.class)))
            @Nullable @Body byte[] body) {
        List<ShareChatUseCase.GrantCommand> grants = AccessGrantsForm.read(bodies.object(body));
        return ownedOr404(() -> ChatResponse.from(sharing.updateAccessGrants(actor, chatIdOr404(id), grants)));
    }


    private static ChatId chatIdOr404(String raw) {
        try {
            return new ChatId(raw);
        } catch (IllegalArgumentException e) {
            throw ApiException.notFound(OpenWebUiMessages.NOT_FOUND);
        }
    }

    /** Not the caller's chat (nor an admin's to manage) answers 404, as upstream. */
    private static <T> T ownedOr404(Supplier<T> call) {
        try {
            return call.get();
        } catch (ChatNotFoundException e) {
            throw ApiException.notFound(OpenWebUiMessages.NOT_FOUND);
        }
    }
}
