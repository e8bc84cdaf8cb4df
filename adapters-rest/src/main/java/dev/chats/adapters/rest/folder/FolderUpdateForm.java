package dev.chats.adapters.rest.folder;

import dev.chats.adapters.rest.request.ValidationErrors;
import dev.chats.application.port.in.folder.FolderUpdateUseCase;

import java.util.Map;
import java.util.Optional;

/**
 * Open WebUI's {@code FolderUpdateForm} ({@code {"name"?, "data"?, "meta"?}}), validated from a JSON body; a null
 * field counts as absent. Other keys are allowed and ignored.
 */
final class FolderUpdateForm {

    private FolderUpdateForm() {
    }

    static FolderUpdateUseCase.Command read(Map<String, Object> body) {
        ValidationErrors errors = new ValidationErrors();
        Optional<String> name = body.get("name") == null ? Optional.empty()
                : Optional.ofNullable(FolderFields.name(body.get("name"), errors));
        var data = FolderFields.object(body, "data", errors);
        var meta = FolderFields.object(body, "meta", errors);
        errors.throwIfAny();
        return new FolderUpdateUseCase.Command(name, meta, data);
    }
}
