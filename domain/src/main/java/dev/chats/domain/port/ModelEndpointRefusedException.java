package dev.chats.domain.port;

/** A request named a model endpoint this server is not allowed to call (see {@code CHATS_MODEL_URLS_ALLOWED}). */
public class ModelEndpointRefusedException extends RuntimeException {

    public ModelEndpointRefusedException(String message) {
        super(message);
    }
}
