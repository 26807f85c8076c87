package io.aio4j.internal.loop;

import io.aio4j.internal.Describe;
import java.util.List;

/**
 * Debug mode's switches, read once, and the recording of creation sites.
 *
 * <p>Two levels, as Netty's leak detector has. The default level ({@code -Daio4j.debug=true},
 * {@code AIO4J_DEBUG=1}, {@code setDebug(true)}) records where every task, transport, stream
 * writer and loop was created, and where the first {@value #RECORD_FIRST} callbacks and futures
 * of each loop were, then one in {@value #SAMPLING}: recording a site (a stack capture) costs
 * more than running a callback. {@code -Daio4j.debug=paranoid} (or {@code AIO4J_DEBUG=paranoid})
 * records every one. A report about an object whose site was not recorded says so and how to
 * get it ({@link #NOT_RECORDED_HINT}).
 */
public final class Debug {
    /** {@code AIO4J_DEBUG} (any non-empty value) or {@code -Daio4j.debug=true|paranoid}: new loops start in debug mode. */
    public static final boolean ENABLED_BY_DEFAULT = enabledByEnvironment();
    /** {@code -Daio4j.debug=paranoid} or {@code AIO4J_DEBUG=paranoid}: debug mode records every creation site. */
    public static final boolean PARANOID = "paranoid".equalsIgnoreCase(System.getProperty("aio4j.debug"))
            || "paranoid".equalsIgnoreCase(System.getenv("AIO4J_DEBUG"));
    /** At the default debug level, each loop records the creation sites of its first this many callbacks and futures... */
    public static final int RECORD_FIRST = 1000;
    /** ...and then of one in this many (a power of two). */
    public static final int SAMPLING = 1024;
    /** What a report says in place of a creation site that the default debug level did not record. */
    public static final String NOT_RECORDED_HINT = "not recorded (debug mode records where the first " + RECORD_FIRST
            + " callbacks and futures of a loop were created, then one in " + SAMPLING
            + "; run with -Daio4j.debug=paranoid to record every one)";
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
        String prop = System.getProperty("aio4j.debug");
        return (env != null && !env.isEmpty()) || "true".equalsIgnoreCase(prop) || "paranoid".equalsIgnoreCase(prop);
    }
}
