package dev.chats.application.transfer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * Writes a JSON tree (see {@code JsonTree}) as compact JSON text, streamed to any {@link Appendable}: keys in the
 * order the tree holds them (a document's key order is part of it), whole numbers without a fraction, every
 * character outside printable ASCII escaped. So one tree always gives the same text, whatever store it was read
 * from — the text that record checksums hash and backup files hold.
 */
public final class CanonicalJson {

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private CanonicalJson() {
    }

    public static void write(Object value, Appendable out) {
        try {
            append(value, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String toText(Object value) {
        StringBuilder text = new StringBuilder();
        write(value, text);
        return text.toString();
    }

    private static void append(Object value, Appendable out) throws IOException {
        if (value == null) {
            out.append("null");
        } else if (value instanceof String text) {
            string(text, out);
        } else if (value instanceof Boolean flag) {
            out.append(flag ? "true" : "false");
        } else if (value instanceof Number number) {
            out.append(number(number));
        } else if (value instanceof Map<?, ?> object) {
            out.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> entry : object.entrySet()) {
                if (!first) {
                    out.append(',');
                }
                first = false;
                string(String.valueOf(entry.getKey()), out);
                out.append(':');
                append(entry.getValue(), out);
            }
            out.append('}');
        } else if (value instanceof List<?> list) {
            out.append('[');
            for (int i = 0; i < list.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                append(list.get(i), out);
            }
            out.append(']');
        } else {
            throw new IllegalArgumentException("not a JSON value: " + value.getClass().getName());
        }
    }

    /** Integral values as integers; others in the shortest form that reads back as the same double. */
    static String number(Number number) {
        if (number instanceof Double || number instanceof Float) {
            double d = number.doubleValue();
            if (!Double.isFinite(d)) {
                throw new IllegalArgumentException("not a JSON number: " + d);
            }
            return Double.toString(d);
        }
        if (number instanceof BigDecimal decimal) {
            return Double.toString(decimal.doubleValue());
        }
        return number.toString();
    }

    /** Runs of printable ASCII go out in one call each: most text is such runs, and a call per character costs. */
    private static void string(String text, Appendable out) throws IOException {
        out.append('"');
        int run = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= 0x20 && c < 0x7f && c != '"' && c != '\\') {
                continue;
            }
            if (run < i) {
                out.append(text, run, i);
            }
            run = i + 1;
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else {
                out.append("\\u").append(HEX[(c >> 12) & 15]).append(HEX[(c >> 8) & 15])
                        .append(HEX[(c >> 4) & 15]).append(HEX[c & 15]);
            }
        }
        if (run < text.length()) {
            out.append(text, run, text.length());
        }
        out.append('"');
    }
}
