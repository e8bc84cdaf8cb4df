package dev.chats.application.port.in.vapi;

import dev.chats.domain.json.JsonTree;
import dev.chats.domain.vapi.VapiSession;

import java.util.List;
import java.util.Map;

/** Command: change a session ({@code PATCH /session/{id}}); a null field stays as it is. */
public record VapiSessionPatch(String name, VapiSession.Status status, Integer expirationSeconds,
                               List<Map<String, Object>> messages) {

    public VapiSessionPatch {
        new NewVapiSession(name, status, expirationSeconds, null, null, null, null); // the same field rules
        messages = messages == null ? null : messages.stream().map(JsonTree::copyObject).toList();
    }
}
