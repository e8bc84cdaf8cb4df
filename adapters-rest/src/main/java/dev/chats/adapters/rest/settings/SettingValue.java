package dev.chats.adapters.rest.settings;

import io.micronaut.context.exceptions.ConfigurationException;
import io.micronaut.core.convert.ConversionService;

import java.time.Duration;

/**
 * Numbers and durations of settings bound through a constructor, read strictly: a value that is not one stops
 * start-up naming the setting. Bound as a number or a duration, the framework would use the default instead.
 */
public final class SettingValue {

    private SettingValue() {
    }

    /** A whole number. */
    public static long number(String setting, String value) {
        try {
            return Long.parseLong(value == null ? "" : value.trim());
        } catch (NumberFormatException e) {
            throw new ConfigurationException(setting + " must be a whole number; it is '" + value + "'");
        }
    }

    /** A duration such as {@code 10s}, {@code 500ms} or {@code PT1M}. */
    public static Duration duration(String setting, String value) {
        return ConversionService.SHARED.convert(value == null ? "" : value.trim(), Duration.class)
                .orElseThrow(() -> new ConfigurationException(setting + " must be a duration such as 10s or 500ms;"
                        + " it is '" + value + "'"));
    }
}
