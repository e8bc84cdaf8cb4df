package dev.chats.domain.port;

/** Output port: one-way password hashing for the built-in sign-in. */
public interface PasswordHasher {

    String hash(String password);

    boolean matches(String password, String hash);
}
