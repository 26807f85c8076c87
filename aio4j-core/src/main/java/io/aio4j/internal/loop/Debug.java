package io.aio4j.internal.loop;

import io.aio4j.internal.Describe;
import java.util.List;

/** Debug mode's switches, read once, and the recording of creation sites. */
public final class Debug {
    /** {@code AIO4J_DEBUG} (any non-empty value) or {@code -Daio4j.debug=true}: new loops start in debug mode. */
    public static final boolean ENABLED_BY_DEFAULT = enabledByEnvironment();
    /** How many user frames a creation site keeps. */
    public static final int SOURCE_FRAMES = 10;

    private static final StackWalker WALKER = StackWalker.getInstance();

    private Debug() {
    }

    /** The current stack without the library's frames, innermost first, at most 10 frames. */
    public static StackTraceElement[] captureSource() {
        List<StackTraceElement> frames = WALKER.walk(s -> s
                .map(StackWalker.StackFrame::toStackTraceElement)
                .dropWhile(Describe::isLibraryFrame)
                .limit(SOURCE_FRAMES)
                .toList());
        return frames.toArray(new StackTraceElement[0]);
    }

    private static boolean enabledByEnvironment() {
        String env = System.getenv("AIO4J_DEBUG");
        return (env != null && !env.isEmpty()) || Boolean.getBoolean("aio4j.debug");
    }
}
