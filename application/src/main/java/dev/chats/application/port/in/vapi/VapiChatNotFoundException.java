package dev.chats.application.port.in.vapi;

/**
 * A chat, previous chat, session or assistant that does not exist for the caller — whether missing or another
 * user's, the answer is the same. The message names the kind ("Chat not found").
 */
public class VapiChatNotFoundException extends RuntimeException {

    public VapiChatNotFoundException(String message) {
        super(message);
    }

    public static VapiChatNotFoundException chat() {
        return new VapiChatNotFoundException("Chat not found");
    }
}
