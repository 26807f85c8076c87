package io.aio4j.internal.net;

import java.nio.ByteBuffer;
import java.util.ArrayDeque;

/**
 * A loop thread's pool of write segments for {@link WriteQueue}: direct buffers of
 * {@value #SEGMENT} bytes, reused so that a partial write costs neither an allocation nor a
 * cleaner. Bounded twice: at most {@value #MAX_FREE} idle segments are kept, and at most
 * {@value #MAX_DIRECT_BYTES} bytes of direct segments are out at once; past that (a peer that
 * stopped reading while the program keeps writing) segments are heap buffers, as if there were no
 * pool, so a slow peer can never exhaust the JVM's direct memory limit. Not thread-safe: each
 * thread has its own ({@link #current()}).
 */
final class Segments {
    /** Bytes per segment. */
    static final int SEGMENT = 64 * 1024;
    /** Idle segments kept for reuse (1 MiB). */
    static final int MAX_FREE = 16;
    /** Direct bytes handed out and not yet returned, at most (32 MiB). */
    static final long MAX_DIRECT_BYTES = 32L * 1024 * 1024;

    private static final ThreadLocal<Segments> POOLS = ThreadLocal.withInitial(Segments::new);

    private final ArrayDeque<ByteBuffer> free = new ArrayDeque<>();
    private long directOut;

    /** The calling thread's pool. */
    static Segments current() {
        return POOLS.get();
    }

    /** An empty segment (position and limit 0), direct unless too much direct memory is out. */
    ByteBuffer take() {
        ByteBuffer b = free.pollLast();
        if (b == null) {
            if (directOut + SEGMENT > MAX_DIRECT_BYTES) {
                return ByteBuffer.allocate(SEGMENT).limit(0);
            }
            b = ByteBuffer.allocateDirect(SEGMENT);
        }
        directOut += SEGMENT;
        return b.position(0).limit(0);
    }

    /** Returns a segment from {@link #take()}; it must not be used afterwards. */
    void recycle(ByteBuffer b) {
        if (!b.isDirect()) {
            return;
        }
        directOut -= SEGMENT;
        if (free.size() < MAX_FREE) {
            free.addLast(b);
        }
    }

    /** Direct bytes out now (for tests). */
    long directOut() {
        return directOut;
    }
}
