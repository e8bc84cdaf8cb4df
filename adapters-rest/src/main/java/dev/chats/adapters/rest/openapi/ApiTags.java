package dev.chats.adapters.rest.openapi;

/** OpenAPI document: the tag names that group the routes, one constant each so a typo cannot make a new group. */
public final class ApiTags {

    public static final String AUTH = "auth";
    public static final String CHATS = "chats";
    public static final String CHAT_ORGANISE = "chats: organise";
    public static final String CHAT_SHARING = "chats: sharing";
    public static final String CHAT_MESSAGES = "chats: messages and statistics";
    public static final String FOLDERS = "folders";
    public static final String EVENTS = "events";
    public static final String VAPI_CHATS = "vapi: chats";
    public static final String VAPI_SESSIONS = "vapi: sessions";
    public static final String VAPI_ASSISTANTS = "vapi: assistants";

    private ApiTags() {
    }
}
