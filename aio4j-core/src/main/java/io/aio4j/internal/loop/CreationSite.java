package io.aio4j.internal.loop;

import io.aio4j.internal.Describe;

/**
 * Where a Handle, Future or Task was created, in debug mode. Captured as a {@link Throwable},
 * whose stack the JVM records natively (about 0.5 µs, against 3 µs for a {@link StackWalker}
 * walk), and turned into frames only when a report or a {@code toString()} shows it.
 */
public final class CreationSite extends Throwable {
    private static final long serialVersionUID = 1L;

    /**
     * The source traceback of an object created in debug mode whose site was not sampled
     * (see {@link Debug}): empty, and recognised by identity, so a report can say how to get one.
     */
    public static final StackTraceElement[] NOT_RECORDED = new StackTraceElement[0];
    /** The site of an object created in debug mode without recording its stack (shared, costs nothing). */
    static final CreationSite NOT_SAMPLED = new CreationSite(false);

    private transient volatile StackTraceElement[] frames;

    CreationSite() {
        super(null, null, false, true);
    }

    private CreationSite(boolean unused) {
        super(null, null, false, false);
        frames = NOT_RECORDED;
    }

    /** {@link #frames()}, or for a site that was not sampled {@link #NOT_RECORDED}, for a caller to keep. */
    public StackTraceElement[] sourceTraceback() {
        return this == NOT_SAMPLED ? NOT_RECORDED : frames().clone();
    }

    /** The user frames, innermost first, without the library's at either end, at most 10 (none if not sampled). */
    public StackTraceElement[] frames() {
        StackTraceElement[] f = frames;
        if (f == null) {
            StackTraceElement[] user = Describe.userFrames(getStackTrace());
            f = user.length <= Debug.SOURCE_FRAMES ? user : java.util.Arrays.copyOf(user, Debug.SOURCE_FRAMES);
            frames = f;
        }
        return f;
    }

    /** {@code " created at File.java:42"}, or nothing if no user frame was found. */
    public void appendCreatedAt(StringBuilder sb) {
        StackTraceElement[] f = frames();
        if (f.length > 0) {
            sb.append(" created at ").append(Describe.where(f[0]));
        }
    }
}
