package dev.chats.adapters.rest.settings;

import io.micronaut.context.exceptions.ConfigurationException;

import java.util.Locale;

/**
 * An on/off setting read strictly: {@code true} or {@code false} (any case), else start-up stops naming the setting.
 * The framework's own conversion reads any other word as false, so a typo such as {@code ture} would silently turn
 * a permission or a feature off.
 */
public final class Switch {

    private Switch() {
    }

    /** The value of {@code setting} (set through the environment variable {@code variable}). */
    public static boolean parse(String setting, String variable, String value) {
        String normalised = value == null ? "" : value.trim().toLowerCase(Locale.ROOT);
        if (!normalised.equals("true") && !normalised.equals("false")) {
            throw new ConfigurationException(setting + " (" + variable + ") must be true or false; it is '"
                    + value + "'");
        }
        return normalised.equals("true");
    }
}
