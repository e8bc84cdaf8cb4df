package dev.chats.adapters.rest.chat;

import dev.chats.adapters.rest.error.ApiException;
import dev.chats.adapters.rest.openapi.Actor;
import dev.chats.adapters.rest.openapi.ApiDocument;
import dev.chats.adapters.rest.openapi.ApiTags;
import dev.chats.adapters.rest.openapi.DetailErrors;
import dev.chats.adapters.rest.request.QueryParams;
import dev.chats.application.port.in.ListUserChatsUseCase;
import dev.chats.domain.chat.ChatOrder;
import dev.chats.domain.chat.ChatSortField;
import dev.chats.domain.chat.PageRequest;
import dev.chats.domain.chat.SortDirection;
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
import java.util.Optional;

/** REST adapter: the admin's view of one user's chats ({@code GET /api/v1/chats/list/user/{user_id}}). */
@Controller("/api/v1/chats")
@Tag(name = ApiTags.CHATS)
@DetailErrors
@SecurityRequirement(name = ApiDocument.BEARER)
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
public class AdminChatsController {

    static final int PAGE_SIZE = 60;
    static final int LEGACY_DEFAULT_LIMIT = 50;

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
        return ChatsController.titles(listUserChats.list(actor, owner, listQuery));
    }

    /** Parses {@code order_by}/{@code direction}; values outside the allowed sets answer 400 naming them. */
    static final class ListOrders {
        private ListOrders() {
        }

        static ChatOrder parse(String orderBy, String direction) {
            ChatSortField field = Optional.ofNullable(orderBy).filter(s -> !s.isBlank())
                    .map(s -> ChatSortField.fromWire(s).orElseThrow(() -> ApiException.badRequest(
                            "Invalid order_by field: allowed values are " + ChatSortField.allowedValues())))
                    .orElse(ChatSortField.UPDATED_AT);
            SortDirection dir = Optional.ofNullable(direction).filter(s -> !s.isBlank())
                    .map(s -> SortDirection.fromWire(s).orElseThrow(() -> ApiException.badRequest(
                            "Invalid direction: allowed values are asc, desc")))
                    .orElse(SortDirection.DESC);
            return new ChatOrder(field, dir);
        }
    }

    /** Reads the window: {@code page} (60 per page), or the older {@code skip}/{@code limit} (default 0/50). */
    static final class ListWindows {
        private ListWindows() {
        }

        static PageRequest pageOrSkipLimit(String page, String skip, String limit) {
            Optional<Long> pageNumber = QueryParams.integer("page", page, 1);
            Optional<Long> skipRows = QueryParams.integer("skip", skip, 0);
            Optional<Long> limitRows = QueryParams.integer("limit", limit, 1);
            if (pageNumber.isEmpty() && (skipRows.isPresent() || limitRows.isPresent())) {
                int size = (int) Math.min(limitRows.orElse((long) LEGACY_DEFAULT_LIMIT), PageRequest.MAX_LIMIT);
                return new PageRequest(skipRows.orElse(0L), size);
            }
            return PageRequest.ofPage(pageNumber.orElse(1L), PAGE_SIZE);
        }
    }
}
