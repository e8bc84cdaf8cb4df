package dev.chats.adapters.rest.chat;

import dev.chats.adapters.rest.error.OpenWebUiMessages;
import dev.chats.adapters.rest.openapi.Actor;
import dev.chats.adapters.rest.openapi.ApiDocument;
import dev.chats.adapters.rest.openapi.ApiTags;
import dev.chats.adapters.rest.openapi.DetailErrors;
import dev.chats.adapters.rest.request.QueryParams;
import dev.chats.application.port.in.chat.ArchiveChatUseCase;
import dev.chats.application.port.in.chat.ListUserChatsUseCase;
import dev.chats.application.port.in.chat.PinChatUseCase;
import dev.chats.domain.user.User;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.MediaType;
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
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.reactivestreams.Publisher;

import java.util.List;

import static dev.chats.adapters.rest.chat.ChatAnswers.answerNotVisibleAs;
import static dev.chats.adapters.rest.chat.ChatAnswers.chatId;
import static dev.chats.adapters.rest.chat.ChatAnswers.stream;

/** REST adapter: pinning and archiving routes of Open WebUI's chats router. */
@Controller("/api/v1/chats")
@Tag(name = ApiTags.CHAT_ORGANISE)
@DetailErrors
@SecurityRequirement(name = ApiDocument.BEARER)
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
@Consumes({MediaType.APPLICATION_JSON, MediaType.TEXT_PLAIN, MediaType.ALL})
public class ChatFlagsController {

    private final PinChatUseCase pins;
    private final ArchiveChatUseCase archive;

    public ChatFlagsController(PinChatUseCase pins, ArchiveChatUseCase archive) {
        this.pins = pins;
        this.archive = archive;
    }

    @Get("/pinned")
    public Publisher<ChatTitleIdResponse> pinned(@Actor User actor) {
        return stream(pins.pinned(actor)).map(ChatTitleIdResponse::from);
    }

    @Get("/{id}/pinned")
    public boolean isPinned(@Actor User actor, @PathVariable String id) {
        return answerNotVisibleAs(OpenWebUiMessages.DEFAULT,
                () -> pins.isPinned(actor, chatId(id, OpenWebUiMessages.DEFAULT)));
    }

    @Post("/{id}/pin")
    public ChatResponse togglePin(@Actor User actor, @PathVariable String id) {
        return answerNotVisibleAs(OpenWebUiMessages.DEFAULT,
                () -> ChatResponse.from(pins.togglePin(actor, chatId(id, OpenWebUiMessages.DEFAULT))));
    }

    /** The POST route and the older GET one both toggle. */
    @Post("/{id}/archive")
    public ChatResponse toggleArchive(@Actor User actor, @PathVariable String id) {
        return answerNotVisibleAs(OpenWebUiMessages.DEFAULT,
                () -> ChatResponse.from(archive.toggleArchive(actor, chatId(id, OpenWebUiMessages.DEFAULT))));
    }

    @Get("/{id}/archive")
    public ChatResponse toggleArchiveLegacy(@Actor User actor, @PathVariable String id) {
        return toggleArchive(actor, id);
    }

    @Post("/archive/all")
    public boolean archiveAll(@Actor User actor) {
        archive.archiveAll(actor);
        return true;
    }

    @Post("/unarchive/all")
    public boolean unarchiveAll(@Actor User actor) {
        archive.unarchiveAll(actor);
        return true;
    }

    @Get("/all/archived")
    public Publisher<ChatResponse> exportArchived(@Actor User actor) {
        return stream(archive.exportArchived(actor)).map(ChatResponse::from);
    }

    /** The newest router's count of the archived chats (a bare number), for the archive's badge. */
    @Get("/archived/count")
    public long archivedCount(@Actor User actor) {
        return archive.countArchived(actor);
    }

    @Get("/archived")
    public List<ChatTitleIdResponse> archived(@Actor User actor, @Nullable @QueryValue String page,
                                              @Nullable @QueryValue String skip,
                                              @Nullable @QueryValue String limit,
                                              @Nullable @QueryValue String query,
                                              @Nullable @QueryValue("order_by") String orderBy,
                                              @Nullable @QueryValue String direction) {
        ListUserChatsUseCase.Query listQuery = new ListUserChatsUseCase.Query(QueryParams.text(query),
                ListOrders.parse(orderBy, direction),
                ListWindows.pageOrSkipLimit(page, skip, limit));
        return ChatAnswers.titles(archive.archived(actor, listQuery));
    }
}
