package dev.chats.domain.vapi;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code {{ variable }}} substitution, the subset of Vapi's LiquidJS templates that chats use: a placeholder whose
 * name has a value is replaced by it; any other placeholder, and filters such as {@code {{ x | upcase }}}, stay as
 * written.
 */
public final class Templates {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([A-Za-z_][A-Za-z0-9_.-]*)\\s*}}");

    private Templates() {
    }

    public static String substitute(String template, Map<String, String> values) {
        if (values.isEmpty() || !template.contains("{{")) {
            return template;
        }
        Matcher matcher = PLACEHOLDER.matcher(template);
        StringBuilder result = new StringBuilder();
        while (matcher.find()) {
            String value = values.get(matcher.group(1));
            matcher.appendReplacement(result, Matcher.quoteReplacement(value == null ? matcher.group() : value));
        }
        matcher.appendTail(result);
        return result.toString();
    }
}
