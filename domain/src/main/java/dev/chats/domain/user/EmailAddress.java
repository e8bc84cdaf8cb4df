package dev.chats.domain.user;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/** An e-mail address, trimmed and lower-cased so that sign-in ignores case. */
public record EmailAddress(String value) {

    public static final int MAX_LENGTH = 320;
    private static final Pattern SHAPE = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

    public EmailAddress {
        Objects.requireNonNull(value, "email");
        value = value.trim().toLowerCase(Locale.ROOT);
        if (value.length() > MAX_LENGTH || !SHAPE.matcher(value).matches()) {
            throw new InvalidEmailException();
        }
    }

    /** The text is not an e-mail address. */
    public static final class InvalidEmailException extends RuntimeException {
        public InvalidEmailException() {
            super("invalid e-mail address");
        }
    }
}
