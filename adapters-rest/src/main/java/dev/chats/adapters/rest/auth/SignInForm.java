package dev.chats.adapters.rest.auth;

import dev.chats.adapters.rest.request.ValidationErrors;

import java.util.Map;

/** Open WebUI's {@code SigninForm} ({@code email}, {@code password}) read from a JSON body; 422 when malformed. */
record SignInForm(String email, String password) {

    static SignInForm read(Map<String, Object> body) {
        ValidationErrors errors = new ValidationErrors();
        String email = FormFields.required(body, "email", errors);
        String password = FormFields.required(body, "password", errors);
        errors.throwIfAny();
        return new SignInForm(email, password);
    }

    @Override
    public String toString() {
        return "SignInForm[" + email + "]";
    }
}
