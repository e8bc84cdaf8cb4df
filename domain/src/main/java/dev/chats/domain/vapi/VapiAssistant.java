package dev.chats.domain.vapi;

import dev.chats.domain.completion.ModelMessage;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a chat needs of an assistant (Vapi's {@code CreateAssistantDTO}): its model block — provider
 * ({@code openai}: the server's connection; {@code custom-llm}: the OpenAI-compatible server at {@code url}), model
 * name, starting messages with their {@code {{ variables }}} substituted, sampling settings and timeout.
 */
public record VapiAssistant(String provider, String baseUrl, String model, List<ModelMessage> messages,
                            Double temperature, Integer maxTokens, Duration timeout) {

    public static final Set<String> PROVIDERS = Set.of("openai", "custom-llm");

    /**
     * Reads the assistant JSON, substituting {@code variableValues} from the overrides into its messages.
     *
     * @throws InvalidVapiChatException listing every broken field
     */
    public static VapiAssistant from(Map<String, Object> assistant, Map<String, Object> overrides) {
        List<String> errors = new ArrayList<>();
        Map<String, String> variables = variables(overrides, errors);
        if (!(assistant.get("model") instanceof Map<?, ?> rawModel)) {
            errors.add("assistant.model must be an object");
            throw InvalidVapiChatException.fields(errors);
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> model = (Map<String, Object>) rawModel;
        String provider = model.get("provider") instanceof String p ? p : null;
        if (provider == null || !PROVIDERS.contains(provider)) {
            errors.add("assistant.model.provider must be one of the following values: openai, custom-llm");
        }
        String name = model.get("model") instanceof String m && !m.isBlank() ? m : null;
        if (name == null) {
            errors.add("assistant.model.model must be a string");
        }
        String url = null;
        if ("custom-llm".equals(provider)) {
            url = model.get("url") instanceof String u && !u.isBlank() ? u : null;
            if (url == null) {
                errors.add("assistant.model.url must be a URL address");
            }
        }
        List<ModelMessage> messages = new ArrayList<>();
        Object rawMessages = model.get("messages");
        if (rawMessages instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                if (list.get(i) instanceof Map<?, ?> m && m.get("role") instanceof String role
                        && VapiInput.ROLES.contains(role) && m.get("content") instanceof String content) {
                    messages.add(new ModelMessage(role, Templates.substitute(content, variables)));
                } else {
                    errors.add("assistant.model.messages." + i + " must be a message with a role and text content");
                }
            }
        } else if (rawMessages != null) {
            errors.add("assistant.model.messages must be an array");
        }
        Number rawTemperature = number(model, "temperature", 0, 2, errors);
        Double temperature = rawTemperature == null ? null : rawTemperature.doubleValue();
        Number maxTokens = number(model, "maxTokens", 50, 10_000, errors);
        Number timeoutSeconds = number(model, "timeoutSeconds", 0, 300, errors);
        if (!errors.isEmpty()) {
            throw InvalidVapiChatException.fields(errors);
        }
        Duration timeout = timeoutSeconds == null || timeoutSeconds.doubleValue() == 0 ? null
                : Duration.ofMillis(Math.round(timeoutSeconds.doubleValue() * 1000));
        return new VapiAssistant(provider, url, name, messages, temperature,
                maxTokens == null ? null : maxTokens.intValue(), timeout);
    }

    /**
     * A copy of the assistant JSON with {@code variableValues} of the overrides substituted into its model
     * messages, as a session stores it: later chats in the session find no placeholders left.
     */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> substituted(Map<String, Object> assistant, Map<String, Object> overrides) {
        from(assistant, overrides); // refuses what a chat would refuse
        Map<String, String> variables = variables(overrides, new ArrayList<>());
        Map<String, Object> copy = dev.chats.domain.json.JsonTree.copyObject(assistant);
        Map<String, Object> model = (Map<String, Object>) copy.get("model");
        if (model.get("messages") instanceof List<?> messages) {
            for (Object message : messages) {
                Map<String, Object> m = (Map<String, Object>) message;
                m.put("content", Templates.substitute((String) m.get("content"), variables));
            }
        }
        return copy;
    }

    private static Number number(Map<String, Object> model, String field, double min, double max,
                                 List<String> errors) {
        Object value = model.get(field);
        if (value == null) {
            return null;
        }
        if (!(value instanceof Number n) || !Double.isFinite(n.doubleValue())) {
            errors.add("assistant.model." + field + " must be a number conforming to the specified constraints");
            return null;
        }
        if (n.doubleValue() < min) {
            errors.add("assistant.model." + field + " must not be less than " + format(min));
            return null;
        }
        if (n.doubleValue() > max) {
            errors.add("assistant.model." + field + " must not be greater than " + format(max));
            return null;
        }
        return n;
    }

    private static String format(double bound) {
        return bound == Math.rint(bound) ? Long.toString((long) bound) : Double.toString(bound);
    }

    /** {@code assistantOverrides.variableValues} as text: strings as they are, other JSON values as written. */
    private static Map<String, String> variables(Map<String, Object> overrides, List<String> errors) {
        Map<String, String> variables = new LinkedHashMap<>();
        if (overrides == null || overrides.get("variableValues") == null) {
            return variables;
        }
        if (!(overrides.get("variableValues") instanceof Map<?, ?> values)) {
            errors.add("assistantOverrides.variableValues must be an object");
            return variables;
        }
        values.forEach((key, value) -> variables.put(String.valueOf(key), value == null ? "" : String.valueOf(value)));
        return variables;
    }
}
