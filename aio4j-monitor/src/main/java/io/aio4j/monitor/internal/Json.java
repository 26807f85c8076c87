package io.aio4j.monitor.internal;

import java.util.ArrayDeque;
import java.util.Locale;

/**
 * A small streaming JSON writer for the API's answers. Strings are escaped for JSON and, beyond
 * that, {@code < > & '} and the line separators U+2028/U+2029 are written as {@code \}{@code uXXXX}
 * escapes, so a task name is inert even if some client pasted the JSON into HTML or a script.
 * Non-finite numbers become {@code null}.
 */
final class Json {
    private final StringBuilder sb = new StringBuilder(256);
    /** One entry per open object or array: whether it has no member yet. */
    private final ArrayDeque<Boolean> empty = new ArrayDeque<>();
    private boolean afterName;

    Json beginObject() {
        separate();
        sb.append('{');
        empty.push(true);
        return this;
    }

    Json endObject() {
        empty.pop();
        sb.append('}');
        return this;
    }

    Json beginArray() {
        separate();
        sb.append('[');
        empty.push(true);
        return this;
    }

    Json endArray() {
        empty.pop();
        sb.append(']');
        return this;
    }

    /** The name of the next member of the current object. */
    Json name(String name) {
        separate();
        quote(name);
        sb.append(':');
        afterName = true;
        return this;
    }

    Json value(String s) {
        separate();
        if (s == null) {
            sb.append("null");
        } else {
            quote(s);
        }
        return this;
    }

    Json value(long n) {
        separate();
        sb.append(n);
        return this;
    }

    Json value(double d) {
        separate();
        if (Double.isFinite(d)) {
            // Double.toString's forms (123.5, 1.0E-4) are all valid JSON numbers.
            sb.append(d);
        } else {
            sb.append("null");
        }
        return this;
    }

    Json value(boolean b) {
        separate();
        sb.append(b);
        return this;
    }

    Json nullValue() {
        separate();
        sb.append("null");
        return this;
    }

    /** {@code name} and a string value. */
    Json field(String name, String s) {
        return name(name).value(s);
    }

    Json field(String name, long n) {
        return name(name).value(n);
    }

    Json field(String name, double d) {
        return name(name).value(d);
    }

    Json field(String name, boolean b) {
        return name(name).value(b);
    }

    /** The JSON text written so far. */
    @Override
    public String toString() {
        return sb.toString();
    }

    private void separate() {
        if (afterName) {
            afterName = false;
            return;
        }
        if (!empty.isEmpty()) {
            if (empty.peek()) {
                empty.pop();
                empty.push(false);
            } else {
                sb.append(',');
            }
        }
    }

    private void quote(String s) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20 || c == '<' || c == '>' || c == '&' || c == '\'' || c == '\u2028' || c == '\u2029'
                            || Character.isSurrogate(c) && !validSurrogate(s, i)) {
                        sb.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        sb.append('"');
    }

    /** Whether the surrogate at {@code i} is half of a valid pair (a lone one is escaped, so the output is valid UTF-8). */
    private static boolean validSurrogate(String s, int i) {
        char c = s.charAt(i);
        if (Character.isHighSurrogate(c)) {
            return i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
        }
        return i > 0 && Character.isHighSurrogate(s.charAt(i - 1));
    }
}
