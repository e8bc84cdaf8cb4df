package dev.chats.application.port.in.chat;

/** No share has this id. */
public class ShareNotFoundException extends RuntimeException {

    public ShareNotFoundException() {
        super("share not found");
    }
}
