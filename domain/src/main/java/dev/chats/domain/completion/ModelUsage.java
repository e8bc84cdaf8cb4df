package dev.chats.domain.completion;

/** Tokens a model call consumed, as the upstream reported them (zero when it reported none). */
public record ModelUsage(long promptTokens, long completionTokens) {

    public static final ModelUsage NONE = new ModelUsage(0, 0);

    public ModelUsage {
        if (promptTokens < 0 || completionTokens < 0) {
            throw new IllegalArgumentException("token counts cannot be negative");
        }
    }
}
