package dev.chats.adapters.rest.chat;

import dev.chats.adapters.rest.openapi.Actor;
import dev.chats.adapters.rest.openapi.ApiDocument;
import dev.chats.adapters.rest.openapi.ApiTags;
import dev.chats.adapters.rest.openapi.DetailErrors;
import dev.chats.adapters.rest.request.QueryParams;
import dev.chats.application.port.in.chat.ListUserChatsUseCase;
import dev.chats.domain.user.User;
import dev.chats.domain.user.UserId;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.util.List;

/** REST adapter: the admin's view of one user's chats ({@code GET /api/v1/chats/list/user/{user_id}}). */
@Controller("/api/v1/chats")
@Tag(name = ApiTags.CHATS)
@DetailErrors
@SecurityRequirement(name = ApiDocument.BEARER)
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
public class AdminChatsController {


    private final ListUserChatsUseCase listUserChats;

    public AdminChatsController(ListUserChatsUseCase listUserChats) {
        this.listUserChats = listUserChats;
    }

    @Get("/list/user/{userId}")
    public List<ChatTitleIdResponse> listUserChats(@Actor User actor, @PathVariable String userId,
                                                   @Nullable @QueryValue String page,
                                                   @Nullable @QueryValue String skip,
                                                   @Nullable @QueryValue String limit,
                                                   @Nullable @QueryValue String query,
                                                   @Nullable @QueryValue("order_by") String orderBy,
                                                   @Nullable @QueryValue String direction) {
        ListUserChatsUseCase.Query listQuery = new ListUserChatsUseCase.Query(QueryParams.text(query),
                ListOrders.parse(orderBy, direction), ListWindows.pageOrSkipLimit(page, skip, limit));
        UserId owner;
        try {
            owner = new UserId(userId);
        } catch (IllegalArgumentException e) {
            return List.of();
        }
        return ChatAnswers.titles(listUserChats.list(actor, owner, listQuery));
    }
}
