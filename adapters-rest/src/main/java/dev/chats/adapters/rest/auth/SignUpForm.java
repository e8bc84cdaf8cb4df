package dev.chats.adapters.rest.auth;

import dev.chats.adapters.rest.request.ValidationErrors;
import dev.chats.domain.user.User;

import java.util.Map;
import java.util.Optional;

/**
 * Open WebUI's {@code SignupForm} ({@code name}, {@code email}, {@code password}, optional
 * {@code profile_image_url}) read from a JSON body: missing or non-string fields, a blank or over-long name and an
 * empty password answer 422. The e-mail's format is checked later, answering 400 as upstream does.
 */
record SignUpForm(String name, String email, String password, Optional<String> profileImageUrl) {

    static SignUpForm read(Map<String, Object> body) {
        ValidationErrors errors = new ValidationErrors();
        String name = FormFields.required(body, "name", errors);
        String email = FormFields.required(body, "email", errors);
        String password = FormFields.required(body, "password", errors);
        String picture = FormFields.optional(body, "profile_image_url", errors);
        FormFields.length(name, 1, User.MAX_NAME_LENGTH, "name", errors);
        if (password != null && password.isEmpty()) {
            FormFields.length(password, 1, Integer.MAX_VALUE, "password", errors);
        }
        errors.throwIfAny();
        return new SignUpForm(name, email, password,
                Optional.ofNullable(picture).filter(url -> !url.isBlank()));
    }

    @Override
    public String toString() {
        return "SignUpForm[" + email + "]";
    }
}
