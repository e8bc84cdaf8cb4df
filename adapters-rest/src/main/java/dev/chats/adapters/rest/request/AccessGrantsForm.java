package dev.chats.adapters.rest.request;

import dev.chats.application.port.in.chat.ShareChatUseCase.GrantCommand;
import dev.chats.domain.share.AccessGrant;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Open WebUI's {@code ChatAccessGrantsForm} and {@code FolderAccessGrantsForm}: {@code access_grants} must be a list
 * of objects (else 422, as pydantic's {@code list[dict]}); an entry that is not a grant this server understands —
 * principal {@code user} or {@code group}, a principal id, permission {@code read} or {@code write} — is left out,
 * as upstream's grant normalisation does.
 */
public final class AccessGrantsForm {

    private AccessGrantsForm() {
    }

    public static List<GrantCommand> read(Map<String, Object> body) {
        if (!body.containsKey("access_grants")) {
            throw new ValidationErrors().missing(body, "body", "access_grants").exception();
        }
        if (!(body.get("access_grants") instanceof List<?> entries)) {
            throw ValidationErrors.single("list_type", "Input should be a valid list", body.get("access_grants"),
                    "body", "access_grants");
        }
        ValidationErrors errors = new ValidationErrors();
        List<GrantCommand> grants = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            if (!(entries.get(i) instanceof Map<?, ?> entry)) {
                errors.add("dict_type", "Input should be a valid dictionary", entries.get(i), "body",
                        "access_grants", i);
                continue;
            }
            Optional<AccessGrant.Principal> type = text(entry.get("principal_type"))
                    .flatMap(AccessGrant.Principal::fromWire);
            Optional<String> principal = text(entry.get("principal_id"))
                    .filter(value -> value.length() <= AccessGrant.MAX_PRINCIPAL_ID_LENGTH);
            Optional<AccessGrant.Access> permission = text(entry.get("permission"))
                    .flatMap(AccessGrant.Access::fromWire);
            if (type.isPresent() && principal.isPresent() && permission.isPresent()) {
                grants.add(new GrantCommand(type.get(), principal.get(), permission.get()));
            }
        }
        errors.throwIfAny();
        return grants;
    }

    private static Optional<String> text(Object value) {
        return value instanceof String string && !string.isEmpty() ? Optional.of(string) : Optional.empty();
    }
}
