package io.aio4j.txaio.internal.log;

import java.lang.reflect.Array;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Fills txaio (PEP 3101) placeholders: {@code {name}}, {@code {obj.field}}, {@code {list[2]}},
 * {@code {map[key]}}, chained freely; {@code {{} and {@code }}} are literal braces. A conversion
 * ({@code !r}) or format spec ({@code :>10}) is accepted and ignored. A placeholder that does not
 * resolve is copied as written.
 */
public final class LogFormatter {
    private static final Object MISSING = new Object();

    private LogFormatter() {
    }

    /** Returns {@code template} with its placeholders filled from {@code values}. */
    public static String format(String template, Map<String, ?> values) {
        int n = template.length();
        StringBuilder out = new StringBuilder(n + 32);
        int i = 0;
        while (i < n) {
            char c = template.charAt(i);
            if (c == '{' && i + 1 < n && template.charAt(i + 1) == '{') {
                out.append('{');
                i += 2;
            } else if (c == '}' && i + 1 < n && template.charAt(i + 1) == '}') {
                out.append('}');
                i += 2;
            } else if (c == '{') {
                int close = template.indexOf('}', i + 1);
                if (close < 0) {
                    out.append(template, i, n);
                    break;
                }
                Object value = resolve(template.substring(i + 1, close), values);
                if (value == MISSING) {
                    out.append(template, i, close + 1);
                } else {
                    out.append(text(value));
                }
                i = close + 1;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    private static Object resolve(String field, Map<String, ?> values) {
        int end = field.length();
        int bracket = 0;
        for (int j = 0; j < field.length(); j++) {
            char c = field.charAt(j);
            if (c == '[') {
                bracket++;
            } else if (c == ']') {
                bracket--;
            } else if (bracket == 0 && (c == '!' || c == ':')) {
                end = j;
                break;
            }
        }
        String path = field.substring(0, end);
        int nameEnd = firstOf(path, 0);
        String name = path.substring(0, nameEnd);
        if (name.isEmpty() || !values.containsKey(name)) {
            return MISSING;
        }
        Object value = values.get(name);
        int i = nameEnd;
        while (i < path.length() && value != MISSING) {
            if (path.charAt(i) == '.') {
                int next = firstOf(path, i + 1);
                value = attribute(value, path.substring(i + 1, next));
                i = next;
            } else {
                int close = path.indexOf(']', i);
                if (close < 0) {
                    return MISSING;
                }
                value = index(value, path.substring(i + 1, close));
                i = close + 1;
            }
        }
        return value;
    }

    private static int firstOf(String path, int from) {
        for (int j = from; j < path.length(); j++) {
            char c = path.charAt(j);
            if (c == '.' || c == '[') {
                return j;
            }
        }
        return path.length();
    }

    private static Object attribute(Object target, String name) {
        if (target == null || name.isEmpty()) {
            return MISSING;
        }
        if (target instanceof Map<?, ?> map) {
            return map.containsKey(name) ? map.get(name) : MISSING;
        }
        Class<?> type = target.getClass();
        try {
            if (type.isRecord()) {
                for (RecordComponent component : type.getRecordComponents()) {
                    if (component.getName().equals(name)) {
                        return invoke(component.getAccessor(), target);
                    }
                }
            }
            for (Field f : type.getFields()) {
                if (f.getName().equals(name) && !Modifier.isStatic(f.getModifiers())) {
                    f.trySetAccessible();
                    return f.get(target);
                }
            }
            String cap = Character.toUpperCase(name.charAt(0)) + name.substring(1);
            for (String candidate : List.of("get" + cap, "is" + cap, name)) {
                Method m = publicGetter(type, candidate);
                if (m != null) {
                    return invoke(m, target);
                }
            }
        } catch (ReflectiveOperationException | RuntimeException e) {
            return MISSING;
        }
        return MISSING;
    }

    private static Object invoke(Method m, Object target) throws ReflectiveOperationException {
        // A public member of a non-public class (a nested record, say) needs this when the package is open to us.
        m.trySetAccessible();
        return m.invoke(target);
    }

    private static Method publicGetter(Class<?> type, String name) {
        try {
            Method m = type.getMethod(name);
            return Modifier.isStatic(m.getModifiers()) || m.getReturnType() == void.class ? null : m;
        } catch (NoSuchMethodException e) {
            return null;
        }
    }

    private static Object index(Object target, String key) {
        if (target instanceof Map<?, ?> map) {
            if (map.containsKey(key)) {
                return map.get(key);
            }
            Long number = integer(key);
            if (number == null) {
                return MISSING;
            }
            if (number == number.intValue() && map.containsKey(number.intValue())) {
                return map.get(number.intValue());
            }
            return map.containsKey(number) ? map.get(number) : MISSING;
        }
        Long number = integer(key);
        if (number == null) {
            return MISSING;
        }
        if (target instanceof List<?> list) {
            return number >= 0 && number < list.size() ? list.get(number.intValue()) : MISSING;
        }
        if (target != null && target.getClass().isArray()) {
            return number >= 0 && number < Array.getLength(target) ? Array.get(target, number.intValue()) : MISSING;
        }
        return MISSING;
    }

    private static Long integer(String key) {
        try {
            return Long.parseLong(key);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String text(Object value) {
        if (value instanceof Object[] array) {
            return Arrays.deepToString(array);
        }
        if (value != null && value.getClass().isArray()) {
            return Arrays.deepToString(new Object[] {value}).replaceAll("^\\[|\\]$", "");
        }
        try {
            return String.valueOf(value);
        } catch (RuntimeException e) {
            return "<" + value.getClass().getName() + " toString() failed: " + e + ">";
        }
    }
}
