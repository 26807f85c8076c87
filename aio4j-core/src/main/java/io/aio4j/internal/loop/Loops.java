package io.aio4j.internal.loop;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;

/** The event loops of this JVM, held weakly, for task dumps of a running process. */
public final class Loops {
    private static final Map<SelectorEventLoop, Boolean> LOOPS = Collections.synchronizedMap(new WeakHashMap<>());

    private Loops() {
    }

    static void add(SelectorEventLoop loop) {
        LOOPS.put(loop, Boolean.TRUE);
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
