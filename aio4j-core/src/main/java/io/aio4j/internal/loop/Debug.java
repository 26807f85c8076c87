package io.aio4j.internal.loop;

import io.aio4j.internal.Describe;
import java.util.List;

/** Debug mode's switches, read once, and the recording of creation sites. */
public final class Debug {
    /** {@code AIO4J_DEBUG} (any non-empty value) or {@code -Daio4j.debug=true}: new loops start in debug mode. */
    public static final boolean ENABLED_BY_DEFAULT = enabledByEnvironment();
    /** How many user frames a creation site keeps. */
    public static final int SOURCE_FRAMES = 10;

    private static final StackWalker WALKER = StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE);

    private Debug() {
    }

    /** Where the caller is, captured cheaply; its frames are computed when first asked for. */
    public static CreationSite creationSite() {
        return new CreationSite();
    }

    /**
     * The current stack without the library's frames at either end (the aio4j calls that made
     * the object, and the loop or task thread machinery it runs on), innermost first, at most 10 frames.
     */
    public static StackTraceElement[] captureSource() {
        // Classes are checked on the live frames and only the kept frames become StackTraceElements:
        // this runs for every callback and future made in debug mode.
        List<StackWalker.StackFrame> frames = WALKER.walk(s -> s
                .dropWhile(f -> Describe.isLibraryClass(f.getDeclaringClass()))
                .limit(SOURCE_FRAMES)
                .toList());
        int end = frames.size();
        while (end > 0 && Describe.isLibraryClass(frames.get(end - 1).getDeclaringClass())) {
            end--;
        }
        StackTraceElement[] source = new StackTraceElement[end];
        for (int i = 0; i < end; i++) {
            source[i] = frames.get(i).toStackTraceElement();
        }
        return source;
    }

    private static boolean enabledByEnvironment() {
        String env = System.getenv("AIO4J_DEBUG");
        return (env != null && !env.isEmpty()) || Boolean.getBoolean("aio4j.debug");
    }
}
