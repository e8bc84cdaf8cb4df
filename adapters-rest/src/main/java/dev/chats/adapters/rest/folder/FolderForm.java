package dev.chats.adapters.rest.folder;

import dev.chats.adapters.rest.request.ValidationErrors;
import dev.chats.application.port.in.folder.FolderCreateUseCase;

import java.util.Map;

/**
 * Open WebUI's {@code FolderForm} ({@code {"name", "data"?, "meta"?, "parent_id"?}}), validated from a JSON body.
 * Other keys are allowed and ignored.
 */
final class FolderForm {

    private FolderForm() {
    }

    static FolderCreateUseCase.Command read(Map<String, Object> body) {
        ValidationErrors errors = new ValidationErrors();
        String name = null;
        if (!body.containsKey("name")) {
            errors.missing(body, "body", "name");
        } else {
            name = FolderFields.name(body.get("name"), errors);
        }
        var data = FolderFields.object(body, "data", errors);
        var meta = FolderFields.object(body, "meta", errors);
        var parent = FolderFields.parentId(body, errors);
        errors.throwIfAny();
        return new FolderCreateUseCase.Command(name, parent, meta.orElse(null), data.orElse(null));
    }
}
