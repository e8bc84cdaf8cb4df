package dev.chats.adapters.rest.vapi;

/** Where the Vapi surface lives: at the server root, as Vapi's SDKs append their paths to the base URL. */
final class VapiRoutes {

    static final String CHAT = "/chat";
    static final String SESSION = "/session";
    static final String ASSISTANT = "/assistant";

    private VapiRoutes() {
    }
}
