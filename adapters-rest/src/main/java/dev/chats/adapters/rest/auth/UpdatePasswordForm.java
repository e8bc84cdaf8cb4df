package dev.chats.adapters.rest.auth;

import dev.chats.adapters.rest.request.ValidationErrors;

import java.util.Map;

/**
 * Open WebUI's {@code UpdatePasswordForm} ({@code password}, {@code new_password}) read from a JSON body: missing or
 * non-string fields and an empty new password answer 422.
 */
record UpdatePasswordForm(String password, String newPassword) {

    static UpdatePasswordForm read(Map<String, Object> body) {
        ValidationErrors errors = new ValidationErrors();
        String password = FormFields.required(body, "password", errors);
        String newPassword = FormFields.required(body, "new_password", errors);
        if (newPassword != null && newPassword.isEmpty()) {
            FormFields.length(newPassword, 1, Integer.MAX_VALUE, "new_password", errors);
        }
        errors.throwIfAny();
        return new UpdatePasswordForm(password, newPassword);
    }

    /** Never prints the passwords. */
    @Override
    public String toString() {
        return "UpdatePasswordForm[***]";
    }
}
