package dev.chats.domain.port;

/**
 * Output port: counts password attempts per account over a rolling window, so that guessing a password is slow.
 * Where several server instances run, they share one count. An account whose window is full is refused until its
 * oldest counted attempt leaves the window: the block always ends by itself, it is never a permanent lock-out.
 */
public interface SignInAttempts {

    /**
     * Counts one attempt on the account and answers true, or answers false without counting it when the account
     * already used every attempt of the window.
     *
     * @param account the normalised account key (the e-mail address, trimmed and lower-cased)
     */
    boolean admit(String account);
}
