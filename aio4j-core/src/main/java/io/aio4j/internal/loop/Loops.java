package io.aio4j.internal.loop;

import io.aio4j.EventLoop;
import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * The event loops of this JVM, held weakly: the open ones for task dumps of a running process,
 * and, for a loop built on an engine by composition (aio4j-test's {@code TestLoop}), which
 * engine is behind it, so that {@code new Future<>(testLoop)} finds its loop's machinery.
 */
public final class Loops {
    private static final Map<SelectorEventLoop, Boolean> LOOPS = Collections.synchronizedMap(new WeakHashMap<>());
    /** Owner (compared by identity: no loop overrides equals) to its engine, which holds the owner, hence the weak value. */
    private static final Map<EventLoop, WeakReference<SelectorEventLoop>> ENGINES =
            Collections.synchronizedMap(new WeakHashMap<>());

    private Loops() {
    }

    static void add(SelectorEventLoop loop) {
        LOOPS.put(loop, Boolean.TRUE);
        EventLoop owner = loop.eventLoop();
        if (owner != loop) {
            ENGINES.put(owner, new WeakReference<>(loop));
        }
    }

    /** The engine behind {@code owner}, a loop built on one; null for any other loop. */
    static SelectorEventLoop engineOf(EventLoop owner) {
        WeakReference<SelectorEventLoop> ref = ENGINES.get(owner);
        return ref != null ? ref.get() : null;
    }

    /** The loops not yet closed, oldest first is not guaranteed. */
    public static List<SelectorEventLoop> open() {
        List<SelectorEventLoop> all;
        synchronized (LOOPS) {
            all = new ArrayList<>(LOOPS.keySet());
        }
        all.removeIf(SelectorEventLoop::isClosed);
        return all;
    }
}
