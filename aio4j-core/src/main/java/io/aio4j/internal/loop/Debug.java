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

    /**
     * The current stack without the library's frames at either end (the aio4j calls that made
     * the object, and the loop or task thread machinery it runs on), innermost first, at most 10 frames.
     */
    public static StackTraceElement[] captureSource() {
        List<StackTraceElement> frames = WALKER.walk(s -> s
                .map(StackWalker.StackFrame::toStackTraceElement)
                .dropWhile(Describe::isLibraryFrame)
                .toList());
        int end = frames.size();
        while (end > 0 && Describe.isLibraryFrame(frames.get(end - 1))) {
            end--;
        }
        return frames.subList(0, Math.min(end, SOURCE_FRAMES)).toArray(new StackTraceElement[0]);
    }

    private static boolean enabledByEnvironment() {
        String env = System.getenv("AIO4J_DEBUG");
        return (env != null && !env.isEmpty()) || Boolean.getBoolean("aio4j.debug");
    }
}
