package io.aio4j.internal;

import java.net.URL;
import java.security.CodeSource;
import java.util.Arrays;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** The pieces of reprs: callables, values and exceptions in short, and stack frames without the library's. */
public final class Describe {
    private static final int MAX_VALUE = 60;
    private static final URL CORE = location(Describe.class);
    private static final ConcurrentHashMap<String, Boolean> LIBRARY = new ConcurrentHashMap<>();
    /** Classes outside the core's jar that count as the library: loops built on the core (aio4j-test's TestLoop). */
    private static final Set<String> ALSO_LIBRARY = ConcurrentHashMap.newKeySet();

    private Describe() {
    }

    /**
     * A callable's name as asyncio would print a function: {@code Main.<lambda>} for a lambda
     * or method reference defined in {@code Main}, the class name otherwise.
     */
    public static String callable(Object fn) {
        if (fn == null) {
            return "null";
        }
        return callableClass(fn.getClass());
    }

    /** {@link #callable} of an instance of {@code cls}. */
    public static String callableClass(Class<?> cls) {
        String n = cls.getName();
        int lambda = n.indexOf("$$Lambda");
        if (lambda >= 0) {
            return simple(n.substring(0, lambda)) + ".<lambda>";
        }
        return simple(n);
    }

    /** A value for a repr: its {@code toString()}, shortened past 60 characters. */
    public static String value(Object v) {
        String s;
        try {
            s = v instanceof String str ? '\'' + str + '\'' : String.valueOf(v);
        } catch (RuntimeException e) {
            s = "<" + v.getClass().getSimpleName() + " (toString failed)>";
        }
        return s.length() <= MAX_VALUE ? s : s.substring(0, MAX_VALUE - 3) + "...";
    }

    /** An exception for a repr: {@code IllegalStateException('boom')}. */
    public static String exception(Throwable t) {
        String msg = t.getMessage();
        return t.getClass().getSimpleName() + "(" + (msg == null ? "" : value(msg)) + ")";
    }

    /** Whether a frame belongs to the JDK or to aio4j's core (not to user code or tests). */
    public static boolean isLibraryFrame(StackTraceElement frame) {
        String c = frame.getClassName();
        if (c.startsWith("java.") || c.startsWith("jdk.") || c.startsWith("sun.")) {
            return true;
        }
        if (!c.startsWith("io.aio4j.")) {
            return false;
        }
        // By where the class was loaded from, not by package: tests of internal packages are user code.
        return LIBRARY.computeIfAbsent(c, Describe::fromCore);
    }

    /**
     * Counts {@code cls} as library code from now on: a loop built on the core in another module
     * delegates to it, and its frames must not be taken for the user's (creation sites, samples of
     * a stuck loop). Call before any of its frames is looked at.
     */
    public static void addLibraryClass(Class<?> cls) {
        if (ALSO_LIBRARY.add(cls.getName())) {
            LIBRARY.put(cls.getName(), Boolean.TRUE);
        }
    }

    /** Whether a class belongs to the JDK or to aio4j's core: {@link #isLibraryFrame} for a live frame. */
    public static boolean isLibraryClass(Class<?> cls) {
        return LIBRARY_CLASS.get(cls);
    }

    private static final ClassValue<Boolean> LIBRARY_CLASS = new ClassValue<>() {
        @Override
        protected Boolean computeValue(Class<?> cls) {
            String c = cls.getName();
            if (c.startsWith("java.") || c.startsWith("jdk.") || c.startsWith("sun.")) {
                return true;
            }
            return ALSO_LIBRARY.contains(c) || c.startsWith("io.aio4j.") && CORE != null && Objects.equals(location(cls), CORE);
        }
    };

    /** {@code frames} (innermost first) without the library frames at either end. */
    public static StackTraceElement[] userFrames(StackTraceElement[] frames) {
        int from = 0;
        int to = frames.length;
        while (from < to && isLibraryFrame(frames[from])) {
            from++;
        }
        while (to > from && isLibraryFrame(frames[to - 1])) {
            to--;
        }
        return Arrays.copyOfRange(frames, from, to);
    }

    /** {@code File.java:42}, or the class name when the file is unknown. */
    public static String where(StackTraceElement frame) {
        String file = frame.getFileName();
        return (file != null ? file : frame.getClassName()) + ":" + frame.getLineNumber();
    }

    private static boolean fromCore(String className) {
        if (ALSO_LIBRARY.contains(className)) {
            return true;
        }
        try {
            Class<?> cls = Class.forName(className, false, Describe.class.getClassLoader());
            return CORE != null && Objects.equals(location(cls), CORE);
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    private static URL location(Class<?> cls) {
        CodeSource cs = cls.getProtectionDomain().getCodeSource();
        return cs == null ? null : cs.getLocation();
    }

    private static String simple(String binaryName) {
        String n = binaryName.substring(binaryName.lastIndexOf('.') + 1);
        return n.replace('$', '.');
    }
}
