package dev.chats.adapters.rest.vapi;

import java.util.List;

/** Where the Vapi surface lives: at the server root, as Vapi's SDKs append their paths to the base URL. */
public final class VapiRoutes {

    static final String CHAT = "/chat";
    static final String SESSION = "/session";
    static final String ASSISTANT = "/assistant";

    private static final List<String> ROOTS = List.of(CHAT, SESSION, ASSISTANT);

    private VapiRoutes() {
    }

    /** Whether a request path belongs to the Vapi surface, so its errors take NestJS's envelope. */
    public static boolean covers(String path) {
        return ROOTS.stream().anyMatch(root -> path.equals(root) || path.startsWith(root + "/"));
    }
}
