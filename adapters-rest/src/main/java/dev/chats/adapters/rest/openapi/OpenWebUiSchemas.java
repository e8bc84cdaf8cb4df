package dev.chats.adapters.rest.openapi;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;

import java.util.List;
import java.util.Map;

/**
 * OpenAPI document: the Open WebUI request bodies and the answers built as maps, as schemas only. The routes read
 * their bodies as raw bytes (strict JSON, FastAPI's 422 failures), so these records name what the readers accept.
 */
public final class OpenWebUiSchemas {

    private OpenWebUiSchemas() {
    }

    @Schema(name = "SignupForm")
    public record SignUp(@Schema(requiredMode = Schema.RequiredMode.REQUIRED, minLength = 1) String name,
                         @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "ada@example.com") String email,
                         @Schema(requiredMode = Schema.RequiredMode.REQUIRED, minLength = 1, format = "password") String password,
                         @JsonProperty("profile_image_url") String profileImageUrl) {
    }

    @Schema(name = "SigninForm")
    public record SignIn(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) String email,
                         @Schema(requiredMode = Schema.RequiredMode.REQUIRED, format = "password") String password) {
    }

    @Schema(name = "UpdatePasswordForm")
    public record UpdatePassword(@Schema(requiredMode = Schema.RequiredMode.REQUIRED, format = "password") String password,
                                 @Schema(requiredMode = Schema.RequiredMode.REQUIRED, format = "password")
                                 @JsonProperty("new_password") String newPassword) {
    }

    @Schema(name = "ChatForm", description = "The client's conversation document, stored and answered as sent")
    public record ChatForm(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) Map<String, Object> chat,
                           @Schema(nullable = true) @JsonProperty("folder_id") String folderId) {
    }

    @Schema(name = "ChatImportForm", description = "One chat to import; send {\"chats\": [ … ]} for several")
    public record ChatImport(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) Map<String, Object> chat,
                             Map<String, Object> meta,
                             Boolean pinned,
                             @Schema(nullable = true) @JsonProperty("folder_id") String folderId,
                             @Schema(description = "epoch seconds") @JsonProperty("created_at") Long createdAt,
                             @Schema(description = "epoch seconds") @JsonProperty("updated_at") Long updatedAt) {
    }

    @Schema(name = "ChatsImportForm")
    public record ChatsImport(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) List<ChatImport> chats) {
    }

    /** The import route's body: one chat, or a list of them. */
    @Schema(name = "ChatImportBody", oneOf = {ChatImport.class, ChatsImport.class})
    public static final class ImportBody {
        private ImportBody() {
        }
    }

    @Schema(name = "ChatFolderIdForm")
    public record FolderIdForm(@Schema(nullable = true, description = "null or absent: the root")
                               @JsonProperty("folder_id") String folderId) {
    }

    @Schema(name = "CloneForm")
    public record CloneForm(@Schema(description = "Title of the clone; default \"Clone of …\"") String title) {
    }

    @Schema(name = "TagForm")
    public record TagForm(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) String name) {
    }

    @Schema(name = "TagFilterForm")
    public record TagFilterForm(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) String name,
                                @Schema(minimum = "0") Long skip,
                                @Schema(minimum = "1") Long limit) {
    }

    @Schema(name = "MessageForm")
    public record MessageForm(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) String content) {
    }

    @Schema(name = "EventForm")
    public record EventForm(@Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "status") String type,
                            @Schema(requiredMode = Schema.RequiredMode.REQUIRED) Map<String, Object> data) {
    }

    @Schema(name = "AccessGrantsForm")
    public record AccessGrantsForm(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) @JsonProperty("access_grants")
                                   List<AccessGrant> accessGrants) {
    }

    @Schema(name = "AccessGrantForm", description = "Entries that are not such a grant are left out")
    public record AccessGrant(@Schema(allowableValues = {"user", "group"}) @JsonProperty("principal_type")
                              String principalType,
                              @JsonProperty("principal_id") String principalId,
                              @Schema(allowableValues = {"read", "write"}) String permission) {
    }

    @Schema(name = "FolderForm")
    public record FolderForm(@Schema(requiredMode = Schema.RequiredMode.REQUIRED, minLength = 1, maxLength = 255) String name,
                             Map<String, Object> data,
                             Map<String, Object> meta,
                             @Schema(nullable = true) @JsonProperty("parent_id") String parentId) {
    }

    @Schema(name = "FolderUpdateForm")
    public record FolderUpdateForm(@Schema(minLength = 1, maxLength = 255) String name,
                                   Map<String, Object> data,
                                   Map<String, Object> meta) {
    }

    @Schema(name = "FolderParentIdForm")
    public record FolderParentForm(@Schema(nullable = true, description = "null or absent: the root")
                                   @JsonProperty("parent_id") String parentId) {
    }

    @Schema(name = "FolderItemsUpdateForm", description = "Accepted and ignored: a folder's chats are derived")
    public record FolderItemsForm(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) Map<String, Object> items) {
    }

    @Schema(name = "FolderIsExpandedForm")
    public record FolderExpandedForm(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) @JsonProperty("is_expanded")
                                     Boolean isExpanded) {
    }

    @Schema(name = "ChatUsageStatsListResponse")
    public record UsagePage(List<UsageItem> items, long total) {
    }

    @Schema(name = "ChatUsageStatsResponse")
    public record UsageItem(String id, List<String> models,
                            @JsonProperty("message_count") long messageCount,
                            @JsonProperty("history_models") Map<String, Long> historyModels,
                            @JsonProperty("history_message_count") long historyMessageCount,
                            @JsonProperty("history_user_message_count") long historyUserMessageCount,
                            @JsonProperty("history_assistant_message_count") long historyAssistantMessageCount,
                            @JsonProperty("average_response_time") double averageResponseTime,
                            @JsonProperty("average_user_message_content_length")
                            double averageUserMessageContentLength,
                            @JsonProperty("average_assistant_message_content_length")
                            double averageAssistantMessageContentLength,
                            List<String> tags,
                            @Schema(nullable = true) @JsonProperty("last_message_at") Long lastMessageAt,
                            @JsonProperty("updated_at") long updatedAt,
                            @JsonProperty("created_at") long createdAt) {
    }

    @Schema(name = "ChatStatsExportList")
    public record ExportPage(@Schema(example = "chats") String type, List<ExportItem> items, long total, long page) {
    }

    @Schema(name = "ChatStatsExport", description = "One chat's figures and, per message, MessageStats; the stream "
            + "form (?stream=true) answers one of these per NDJSON line")
    public record ExportItem(String id, @JsonProperty("user_id") String userId,
                             @JsonProperty("created_at") long createdAt,
                             @JsonProperty("updated_at") long updatedAt,
                             List<String> tags,
                             Map<String, Object> stats,
                             @Schema(description = "{\"history\": {\"messages\": {id: MessageStats}, \"currentId\"}}")
                             Map<String, Object> chat) {
    }
}
