package dev.chats.adapters.rest.chat;

import dev.chats.adapters.rest.error.ApiException;
import dev.chats.adapters.rest.error.OpenWebUiMessages;
import dev.chats.adapters.rest.openapi.Actor;
import dev.chats.adapters.rest.openapi.ApiDocument;
import dev.chats.adapters.rest.openapi.ApiTags;
import dev.chats.adapters.rest.openapi.DetailErrors;
import dev.chats.adapters.rest.openapi.OpenWebUiSchemas;
import dev.chats.adapters.rest.request.JsonStream;
import dev.chats.adapters.rest.request.QueryParams;
import dev.chats.application.port.in.AccessProhibitedException;
import dev.chats.application.port.in.chat.ChatNotFoundException;
import dev.chats.application.port.in.chat.ChatStatsUseCase;
import dev.chats.domain.chat.ChatId;
import dev.chats.domain.chat.PageRequest;
import dev.chats.domain.stats.ChatFacts;
import dev.chats.domain.stats.ChatStatistics;
import dev.chats.domain.stats.MessageFacts;
import dev.chats.domain.user.User;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * REST adapter: Open WebUI's experimental statistics routes — {@code GET /stats/usage}, {@code GET /stats/export}
 * (a page, or with {@code stream=true} every chat as NDJSON) and {@code GET /stats/export/{chat_id}} — in its
 * field names and order. Figures come from the store's facts, never from assembled conversations.
 */
@Controller("/api/v1/chats/stats")
@Tag(name = ApiTags.CHAT_MESSAGES)
@DetailErrors
@SecurityRequirement(name = ApiDocument.BEARER)
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
@Consumes({MediaType.APPLICATION_JSON, MediaType.TEXT_PLAIN, MediaType.ALL})
public class ChatStatsController {

    private final ChatStatsUseCase stats;
    private final JsonStream jsonStream;

    public ChatStatsController(ChatStatsUseCase stats, JsonStream jsonStream) {
        this.stats = stats;
        this.jsonStream = jsonStream;
    }

    /** {@code items_per_page} above the store's largest page is served as that page; below 1 answers 422. */
    @ApiResponse(responseCode = "200", description = "OK", content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = OpenWebUiSchemas.UsagePage.class)))
    @Get("/usage")
    public Map<String, Object> usage(@Actor User actor, @Nullable @QueryValue("items_per_page") String itemsPerPage,
                                     @Nullable @QueryValue String page) {
        long size = Math.min(QueryParams.integer("items_per_page", itemsPerPage, 1).orElse(50L),
                PageRequest.MAX_LIMIT);
        long pageNumber = QueryParams.integer("page", page, 1).orElse(1L);
        ChatStatsUseCase.UsagePage usage = stats.usage(actor, pageNumber, (int) size);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("items", usage.items().stream().map(item -> usageItem(item.chat(), item.stats())).toList());
        body.put("total", usage.total());
        return body;
    }

    @ApiResponse(responseCode = "200",
            description = "A page of 10, oldest first; with ?stream=true every chat as an NDJSON attachment",
            content = {@Content(mediaType = "application/json",
            schema = @Schema(implementation = OpenWebUiSchemas.ExportPage.class)),
            @Content(mediaType = "application/x-ndjson",
            schema = @Schema(implementation = OpenWebUiSchemas.ExportItem.class))})
    @Get("/export")
    public HttpResponse<?> export(@Actor User actor, @Nullable @QueryValue("updated_at") String updatedAt,
                                  @Nullable @QueryValue String page, @Nullable @QueryValue String stream) {
        OptionalLong after = QueryParams.integer("updated_at", updatedAt, Long.MIN_VALUE)
                .filter(value -> value != 0).map(OptionalLong::of).orElse(OptionalLong.empty());
        long pageNumber = QueryParams.integer("page", page, 1).orElse(1L);
        if (QueryParams.bool("stream", stream, false)) {
            return jsonStream.ndjson(stats.exportAll(actor, after), ChatStatsController::exportItem)
                    .header("Content-Disposition",
                            "attachment; filename=chat-stats-export-" + actor.id().value() + ".jsonl");
        }
        ChatStatsUseCase.ExportPage export = stats.export(actor, after, pageNumber);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "chats");
        body.put("items", export.items().stream().map(ChatStatsController::exportItem).toList());
        body.put("total", export.total());
        body.put("page", export.page());
        return HttpResponse.ok(body);
    }

    @ApiResponse(responseCode = "200", description = "OK", content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = OpenWebUiSchemas.ExportItem.class)))
    @Get("/export/{chatId}")
    public Map<String, Object> exportOne(@Actor User actor, @PathVariable String chatId) {
        ChatId id;
        try {
            id = new ChatId(chatId);
        } catch (IllegalArgumentException e) {
            throw ApiException.notFound(OpenWebUiMessages.NOT_FOUND);
        }
        try {
            return exportItem(stats.exportOne(actor, id));
        } catch (ChatNotFoundException e) {
            throw ApiException.notFound(OpenWebUiMessages.NOT_FOUND);
        } catch (AccessProhibitedException e) {
            throw ApiException.unauthorized(OpenWebUiMessages.ACCESS_PROHIBITED);
        }
    }

    /** {@code ChatUsageStatsResponse}. */
    private static Map<String, Object> usageItem(ChatFacts chat, ChatStatistics.Aggregate figures) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("id", chat.id().value());
        item.put("models", figures.models());
        item.put("message_count", figures.messageCount());
        item.put("history_models", figures.historyModels());
        item.put("history_message_count", figures.historyMessageCount());
        item.put("history_user_message_count", figures.historyUserMessageCount());
        item.put("history_assistant_message_count", figures.historyAssistantMessageCount());
        item.put("average_response_time", figures.averageResponseTime());
        item.put("average_user_message_content_length", figures.averageUserMessageContentLength());
        item.put("average_assistant_message_content_length", figures.averageAssistantMessageContentLength());
        item.put("tags", chat.tags());
        item.put("last_message_at", figures.lastMessageAt());
        item.put("updated_at", chat.updatedAt());
        item.put("created_at", chat.createdAt());
        return item;
    }

    /** {@code ChatStatsExport}: the figures and, per message, {@code MessageStats}. */
    static Map<String, Object> exportItem(ChatFacts chat) {
        ChatStatistics.Aggregate figures = ChatStatistics.export(chat);
        Map<String, Object> aggregate = new LinkedHashMap<>();
        aggregate.put("average_response_time", figures.averageResponseTime());
        aggregate.put("average_user_message_content_length", figures.averageUserMessageContentLength());
        aggregate.put("average_assistant_message_content_length", figures.averageAssistantMessageContentLength());
        aggregate.put("models", figures.models());
        aggregate.put("message_count", figures.messageCount());
        aggregate.put("history_models", figures.historyModels());
        aggregate.put("history_message_count", figures.historyMessageCount());
        aggregate.put("history_user_message_count", figures.historyUserMessageCount());
        aggregate.put("history_assistant_message_count", figures.historyAssistantMessageCount());
        Map<String, Object> messages = new LinkedHashMap<>();
        for (MessageFacts message : chat.messages().values()) {
            // Upstream leaves out a message whose id or role is not a string.
            if (message.id() instanceof String messageId && message.role() instanceof String role) {
                Map<String, Object> stat = new LinkedHashMap<>();
                stat.put("id", messageId);
                stat.put("role", role);
                stat.put("model", message.model() instanceof String model ? model : null);
                stat.put("content_length", message.textLength());
                stat.put("token_count", null);
                stat.put("timestamp", message.timestamp() instanceof Number time ? time : null);
                stat.put("rating", message.rating() instanceof Number rating ? rating : null);
                stat.put("tags", message.tags() instanceof List<?> tags ? tags : null);
                messages.put(message.key(), stat);
            }
        }
        Map<String, Object> history = new LinkedHashMap<>();
        history.put("messages", messages);
        history.put("currentId", chat.currentId() instanceof String current ? current : null);
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("id", chat.id().value());
        item.put("user_id", chat.owner().value());
        item.put("created_at", chat.createdAt());
        item.put("updated_at", chat.updatedAt());
        item.put("tags", chat.tags());
        item.put("stats", aggregate);
        item.put("chat", Map.of("history", history));
        return item;
    }
}
