package dev.chats.adapters.rest.chat;

import dev.chats.adapters.rest.openapi.Actor;
import dev.chats.adapters.rest.openapi.ApiDocument;
import dev.chats.adapters.rest.openapi.ApiTags;
import dev.chats.adapters.rest.openapi.DetailErrors;
import dev.chats.adapters.rest.request.QueryParams;
import dev.chats.adapters.rest.request.ValidationErrors;
import dev.chats.application.port.in.chat.SearchChatsUseCase;
import dev.chats.domain.user.User;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.util.List;

/** REST adapter: {@code GET /api/v1/chats/search}. */
@Controller("/api/v1/chats")
@Tag(name = ApiTags.CHATS)
@DetailErrors
@SecurityRequirement(name = ApiDocument.BEARER)
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
public class ChatSearchController {

    private final SearchChatsUseCase search;

    public ChatSearchController(SearchChatsUseCase search) {
        this.search = search;
    }

    @Get("/search")
    public List<ChatTitleIdResponse> search(@Actor User actor, @Nullable @QueryValue String text,
                                            @Nullable @QueryValue String page) {
        if (text == null) {
            throw ValidationErrors.single("missing", "Field required", null, "query", "text");
        }
        long pageNumber = QueryParams.integer("page", page, 1).orElse(1L);
        return ChatAnswers.titles(search.search(actor, text, pageNumber));
    }
}
