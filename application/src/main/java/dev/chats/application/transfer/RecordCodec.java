package dev.chats.application.transfer;

import dev.chats.domain.chat.Chat;
import dev.chats.domain.chat.ChatDocument;
import dev.chats.domain.chat.ChatId;
import dev.chats.domain.folder.Folder;
import dev.chats.domain.share.FolderGrant;
import dev.chats.domain.folder.FolderId;
import dev.chats.domain.share.AccessGrant;
import dev.chats.domain.share.Share;
import dev.chats.domain.tag.Tag;
import dev.chats.domain.transfer.DeploymentRecord;
import dev.chats.domain.transfer.DeploymentRecord.ApiKeyRecord;
import dev.chats.domain.transfer.DeploymentRecord.ChatRecord;
import dev.chats.domain.transfer.DeploymentRecord.FolderGrantsRecord;
import dev.chats.domain.transfer.DeploymentRecord.FolderRecord;
import dev.chats.domain.transfer.DeploymentRecord.RevokedTokenRecord;
import dev.chats.domain.transfer.DeploymentRecord.SavedAssistantRecord;
import dev.chats.domain.transfer.DeploymentRecord.ShareGrantsRecord;
import dev.chats.domain.transfer.DeploymentRecord.ShareRecord;
import dev.chats.domain.transfer.DeploymentRecord.TagRecord;
import dev.chats.domain.transfer.DeploymentRecord.UserRecord;
import dev.chats.domain.transfer.DeploymentRecord.VapiChatRecord;
import dev.chats.domain.transfer.DeploymentRecord.VapiSessionRecord;
import dev.chats.domain.transfer.RecordKind;
import dev.chats.domain.user.ApiKeyHash;
import dev.chats.domain.user.EmailAddress;
import dev.chats.domain.user.Role;
import dev.chats.domain.user.StoredApiKey;
import dev.chats.domain.user.TokenId;
import dev.chats.domain.user.User;
import dev.chats.domain.user.UserId;
import dev.chats.domain.vapi.SavedAssistant;
import dev.chats.domain.vapi.SavedAssistantId;
import dev.chats.domain.vapi.VapiChat;
import dev.chats.domain.vapi.VapiChatId;
import dev.chats.domain.vapi.VapiSession;
import dev.chats.domain.vapi.VapiSessionId;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A deployment record as a JSON tree and back: the form backup files hold one per line and record checksums hash.
 * Field names are snake_case; every stored field is there, the chat with its whole document (messages in order).
 */
public final class RecordCodec {

    private RecordCodec() {
    }

    /** The record's fields, always in the same order. */
    public static Map<String, Object> toTree(DeploymentRecord record) {
        Fields f = new Fields();
        if (record instanceof UserRecord r) {
            User u = r.user();
            f.put("id", u.id().value()).put("name", u.name()).put("email", u.email().value())
                    .put("role", u.role().wireName()).put("password_hash", u.passwordHash())
                    .put("profile_image_url", u.profileImageUrl()).put("created_at", u.createdAt())
                    .put("updated_at", u.updatedAt()).put("credentials_version", u.credentialsVersion());
        } else if (record instanceof ApiKeyRecord r) {
            StoredApiKey k = r.apiKey();
            f.put("user_id", k.owner().value()).put("key_hash", k.hash().value()).put("hint", k.hint())
                    .put("created_at", k.createdAt());
        } else if (record instanceof FolderRecord r) {
            Folder d = r.folder();
            f.put("id", d.id().value()).put("user_id", d.ownerId().value())
                    .put("parent_id", d.parent().map(FolderId::value).orElse(null)).put("name", d.name())
                    .put("is_expanded", d.expanded()).put("meta", d.meta()).put("data", d.data())
                    .put("created_at", d.createdAt()).put("updated_at", d.updatedAt());
        } else if (record instanceof ChatRecord r) {
            Chat c = r.chat();
            f.put("id", c.id().value()).put("user_id", c.ownerId().value()).put("created_at", c.createdAt())
                    .put("updated_at", c.updatedAt()).put("share_id", c.shareId().orElse(null))
                    .put("archived", c.archived()).put("pinned", c.pinned()).put("meta", c.meta())
                    .put("folder_id", c.folderId().map(FolderId::value).orElse(null)).put("version", c.version())
                    .put("chat", c.document());
        } else if (record instanceof TagRecord r) {
            Tag t = r.tag();
            f.put("id", t.id()).put("user_id", t.ownerId().value()).put("name", t.name()).put("meta", t.meta());
        } else if (record instanceof ShareRecord r) {
            Share s = r.share();
            f.put("id", s.id()).put("chat_id", s.chatId().value()).put("user_id", s.ownerId().value())
                    .put("title", s.title()).put("document", s.document()).put("created_at", s.createdAt())
                    .put("updated_at", s.updatedAt());
        } else if (record instanceof ShareGrantsRecord r) {
            f.put("user_id", r.owner().value()).put("chat_id", r.chat().value())
                    .put("grants", r.grants().stream().map(g -> (Object) new Fields().put("id", g.id())
                            .put("principal_type", g.principalType().wireName()).put("principal_id", g.principalId())
                            .put("permission", g.permission().wireName()).map).toList());
        } else if (record instanceof FolderGrantsRecord r) {
            f.put("user_id", r.owner().value()).put("folder_id", r.folder().value())
                    .put("grants", r.grants().stream().map(g -> (Object) new Fields().put("id", g.grant().id())
                            .put("principal_type", g.grant().principalType().wireName())
                            .put("principal_id", g.grant().principalId())
                            .put("permission", g.grant().permission().wireName())
                            .put("created_at", g.createdAt()).map).toList());
        } else if (record instanceof RevokedTokenRecord r) {
            f.put("user_id", r.owner().value()).put("jti", r.token().value())
                    .put("expires_at", r.expiresAt());
        } else if (record instanceof SavedAssistantRecord r) {
            SavedAssistant a = r.assistant();
            f.put("id", a.id().value()).put("user_id", a.ownerId().value()).put("definition", a.definition())
                    .put("created_at", a.createdAt()).put("updated_at", a.updatedAt()).put("version", a.version());
        } else if (record instanceof VapiSessionRecord r) {
            VapiSession s = r.session();
            f.put("id", s.id().value()).put("user_id", s.ownerId().value()).put("name", s.name())
                    .put("status", s.status().wireName()).put("expiration_seconds", s.expirationSeconds())
                    .put("assistant_id", s.assistantId()).put("assistant", s.assistant())
                    .put("assistant_overrides", s.assistantOverrides()).put("messages", s.messages())
                    .put("metadata", s.metadata()).put("created_at", s.createdAt())
                    .put("updated_at", s.updatedAt()).put("version", s.version());
        } else if (record instanceof VapiChatRecord r) {
            VapiChat c = r.chat();
            f.put("id", c.id().value()).put("user_id", c.ownerId().value()).put("assistant_id", c.assistantId())
                    .put("assistant", c.assistant()).put("assistant_overrides", c.assistantOverrides())
                    .put("name", c.name()).put("session_id", c.sessionId())
                    .put("previous_chat_id", c.previousChatId() == null ? null : c.previousChatId().value())
                    .put("input", c.input()).put("stream", c.stream()).put("messages", c.messages())
                    .put("output", c.output()).put("costs", c.costs()).put("cost", c.cost())
                    .put("created_at", c.createdAt()).put("updated_at", c.updatedAt());
            if (c.turnOnly()) {
                // Only then: files of chats that hold their whole context read as before, with or without it.
                f.put("turn_only", true);
            }
        }
        return f.map;
    }

    /**
     * The record a tree describes.
     *
     * @throws IllegalArgumentException if a field is missing or of the wrong type
     */
    public static DeploymentRecord fromTree(RecordKind kind, Map<String, Object> tree) {
        Reader t = new Reader(tree);
        try {
            return switch (kind) {
                case USER -> new UserRecord(new User(new UserId(t.text("id")), t.text("name"),
                        new EmailAddress(t.text("email")),
                        Role.fromWire(t.text("role")).orElseThrow(() -> bad("role")), t.text("password_hash"),
                        t.text("profile_image_url"), t.number("created_at"), t.number("updated_at"),
                        t.number("credentials_version")));
                case API_KEY -> new ApiKeyRecord(new StoredApiKey(new UserId(t.text("user_id")),
                        new ApiKeyHash(t.text("key_hash")), t.text("hint"), t.number("created_at")));
                case FOLDER -> new FolderRecord(new Folder(new FolderId(t.text("id")), new UserId(t.text("user_id")),
                        t.optionalText("parent_id") == null ? null : new FolderId(t.optionalText("parent_id")),
                        t.text("name"), t.flag("is_expanded"), t.object("meta"), t.object("data"),
                        t.number("created_at"), t.number("updated_at")));
                case CHAT -> new ChatRecord(Chat.restore(new ChatId(t.text("id")), new UserId(t.text("user_id")),
                        ChatDocument.fromClient(t.requiredObject("chat")), t.number("created_at"),
                        t.number("updated_at"), t.optionalText("share_id"), t.flag("archived"), t.flag("pinned"),
                        t.requiredObject("meta"),
                        t.optionalText("folder_id") == null ? null : new FolderId(t.optionalText("folder_id")),
                        t.number("version")));
                case TAG -> new TagRecord(new Tag(t.text("id"), new UserId(t.text("user_id")), t.text("name"),
                        t.object("meta")));
                case SHARE -> new ShareRecord(new Share(t.text("id"), new ChatId(t.text("chat_id")),
                        new UserId(t.text("user_id")), t.text("title"), t.requiredObject("document"),
                        t.number("created_at"), t.number("updated_at")));
                case SHARE_GRANTS -> new ShareGrantsRecord(new UserId(t.text("user_id")), new ChatId(t.text("chat_id")),
                        t.objects("grants").stream().map(RecordCodec::grant).toList());
                case FOLDER_GRANTS -> new FolderGrantsRecord(new UserId(t.text("user_id")),
                        new FolderId(t.text("folder_id")), t.objects("grants").stream()
                        .map(g -> new FolderGrant(grant(g), new Reader(g).number("created_at"))).toList());
                case REVOKED_TOKEN -> new RevokedTokenRecord(new UserId(t.text("user_id")), new TokenId(t.text("jti")),
                        t.number("expires_at"));
                case SAVED_ASSISTANT -> new SavedAssistantRecord(new SavedAssistant(
                        new SavedAssistantId(t.text("id")), new UserId(t.text("user_id")),
                        t.requiredObject("definition"), t.number("created_at"), t.number("updated_at"),
                        t.number("version")));
                case VAPI_SESSION -> new VapiSessionRecord(new VapiSession(new VapiSessionId(t.text("id")),
                        new UserId(t.text("user_id")), t.optionalText("name"),
                        VapiSession.Status.valueOf(t.text("status").toUpperCase(Locale.ROOT)),
                        (int) t.number("expiration_seconds"), t.optionalText("assistant_id"), t.object("assistant"),
                        t.object("assistant_overrides"), t.objects("messages"), t.object("metadata"),
                        t.number("created_at"), t.number("updated_at"), t.number("version")));
                case VAPI_CHAT -> new VapiChatRecord(new VapiChat(new VapiChatId(t.text("id")),
                        new UserId(t.text("user_id")), t.optionalText("assistant_id"), t.object("assistant"),
                        t.object("assistant_overrides"), t.optionalText("name"), t.optionalText("session_id"),
                        t.optionalText("previous_chat_id") == null ? null
                                : new VapiChatId(t.optionalText("previous_chat_id")),
                        t.value("input"), t.flag("stream"), t.objects("messages"), t.objects("output"),
                        t.objects("costs"), t.decimal("cost"), t.number("created_at"), t.number("updated_at"),
                        t.tree().containsKey("turn_only") && t.flag("turn_only")));
            };
        } catch (RuntimeException e) {
            if (e instanceof IllegalArgumentException) {
                throw e;
            }
            throw new IllegalArgumentException("not a valid " + kind.wireName() + " record: " + e.getMessage(), e);
        }
    }

    private static AccessGrant grant(Map<String, Object> tree) {
        Reader g = new Reader(tree);
        return new AccessGrant(g.text("id"),
                AccessGrant.Principal.fromWire(g.text("principal_type")).orElseThrow(() -> bad("principal_type")),
                g.text("principal_id"),
                AccessGrant.Access.fromWire(g.text("permission")).orElseThrow(() -> bad("permission")));
    }

    private static IllegalArgumentException bad(String field) {
        return new IllegalArgumentException("field " + field + " has an unknown value");
    }

    /** Builds a tree in insertion order. */
    private static final class Fields {
        final Map<String, Object> map = new LinkedHashMap<>();

        Fields put(String name, Object value) {
            map.put(name, value);
            return this;
        }
    }

    /** Reads typed fields of a tree, naming the field that is missing or wrong. */
    private record Reader(Map<String, Object> tree) {

        Object value(String name) {
            if (!tree.containsKey(name)) {
                throw new IllegalArgumentException("field " + name + " is missing");
            }
            return tree.get(name);
        }

        String text(String name) {
            if (value(name) instanceof String s) {
                return s;
            }
            throw new IllegalArgumentException("field " + name + " must be a string");
        }

        String optionalText(String name) {
            return value(name) == null ? null : text(name);
        }

        long number(String name) {
            if (value(name) instanceof Number n && n.longValue() == n.doubleValue()) {
                return n.longValue();
            }
            throw new IllegalArgumentException("field " + name + " must be a whole number");
        }

        double decimal(String name) {
            if (value(name) instanceof Number n) {
                return n.doubleValue();
            }
            throw new IllegalArgumentException("field " + name + " must be a number");
        }

        boolean flag(String name) {
            if (value(name) instanceof Boolean b) {
                return b;
            }
            throw new IllegalArgumentException("field " + name + " must be true or false");
        }

        @SuppressWarnings("unchecked")
        Map<String, Object> object(String name) {
            Object value = value(name);
            if (value == null || value instanceof Map<?, ?>) {
                return (Map<String, Object>) value;
            }
            throw new IllegalArgumentException("field " + name + " must be an object");
        }

        Map<String, Object> requiredObject(String name) {
            Map<String, Object> object = object(name);
            if (object == null) {
                throw new IllegalArgumentException("field " + name + " must be an object");
            }
            return object;
        }

        @SuppressWarnings("unchecked")
        List<Map<String, Object>> objects(String name) {
            if (value(name) instanceof List<?> list && list.stream().allMatch(e -> e instanceof Map<?, ?>)) {
                return (List<Map<String, Object>>) list;
            }
            throw new IllegalArgumentException("field " + name + " must be a list of objects");
        }
    }
}
