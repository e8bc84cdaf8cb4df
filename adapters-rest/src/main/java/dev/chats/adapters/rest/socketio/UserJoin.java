package dev.chats.adapters.rest.socketio;

import dev.chats.domain.user.User;
import org.json.JSONObject;

/** Open WebUI's {@code user-join} event: {@code {auth: {token}}} in, {@code {id, name}} of the user out. */
final class UserJoin {

    private UserJoin() {
    }

    /** The token the event carries; null if its shape is not {@code {auth: {token: "…"}}}. */
    static String token(Object[] args) {
        if (args.length == 0 || !(args[0] instanceof JSONObject data)) {
            return null;
        }
        JSONObject auth = data.optJSONObject("auth");
        Object token = auth == null ? null : auth.opt("token");
        return token instanceof String text && !text.isBlank() ? text : null;
    }

    static JSONObject answer(User user) {
        return new JSONObject().put("id", user.id().value()).put("name", user.name());
    }
}
