package dev.chats.adapters.mongo;

/**
 * Clean-ups whose failure must not hide the outcome being reported: what they leave is unreachable, and a later write
 * or the chat's deletion clears it.
 */
final class CleanUps {

    private CleanUps() {
    }

    static void quietly(Runnable cleanUp) {
        try {
            cleanUp.run();
        } catch (RuntimeException ignored) {
            // See above.
        }
    }
}
