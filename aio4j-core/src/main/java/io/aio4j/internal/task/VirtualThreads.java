package io.aio4j.internal.task;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.invoke.VarHandle;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.function.Consumer;

/**
 * Makes strands, and decides once per JVM whether native mode is possible: building a
 * virtual thread with a custom scheduler needs the JDK-internal
 * {@code ThreadBuilders.VirtualThreadBuilder(Executor)}, reachable when {@code java.lang} is
 * opened to aio4j ({@code --add-opens java.base/java.lang=ALL-UNNAMED}, or {@code =io.aio4j}
 * on the module path).
 */
public final class VirtualThreads {
    private static final MethodHandle NEW_BUILDER;
    private static final MethodHandle CURRENT_CARRIER;
    private static final String UNAVAILABLE;
    /** {@code VirtualThread.carrierThread}, for the pin watch; null if this JDK has no such field. */
    private static final VarHandle CARRIER_THREAD;

    static {
        MethodHandle builder = null;
        MethodHandle carrier = null;
        String why = null;
        try {
            MethodHandles.Lookup lookup = MethodHandles.privateLookupIn(Thread.class, MethodHandles.lookup());
            Class<?> vtb = Class.forName("java.lang.ThreadBuilders$VirtualThreadBuilder");
            builder = lookup.findConstructor(vtb, MethodType.methodType(void.class, Executor.class))
                    .asType(MethodType.methodType(Thread.Builder.OfVirtual.class, Executor.class));
            carrier = lookup.findStatic(Thread.class, "currentCarrierThread", MethodType.methodType(Thread.class));
            Object probe = builder.invoke((Executor) Runnable::run);
            if (probe == null) {
                why = "the JDK returned no builder";
            }
        } catch (IllegalAccessException | RuntimeException e) {
            why = "java.lang is not open to aio4j (" + e.getClass().getSimpleName() + ")";
        } catch (Throwable e) {
            why = "this JDK cannot build virtual threads with a custom scheduler (" + e + ")";
        }
        if (why != null) {
            builder = null;
            carrier = null;
        } else {
            initNioPollerOffTheLoop();
        }
        NEW_BUILDER = builder;
        CURRENT_CARRIER = carrier;
        UNAVAILABLE = why;
        CARRIER_THREAD = why == null ? carrierThreadField() : null;
    }

    private VirtualThreads() {
    }

    /** Whether native mode can be used in this JVM. */
    public static boolean nativeAvailable() {
        return UNAVAILABLE == null;
    }

    /** Why native mode cannot be used, or null. */
    public static String unavailableReason() {
        return UNAVAILABLE;
    }

    /** A builder of virtual threads whose scheduler is {@code scheduler} (native mode only). */
    public static Thread.Builder.OfVirtual builder(Executor scheduler) {
        try {
            return (Thread.Builder.OfVirtual) NEW_BUILDER.invokeExact(scheduler);
        } catch (Throwable e) {
            throw new IllegalStateException("cannot build a loop-scheduled virtual thread", e);
        }
    }

    /** The platform thread the current thread runs on (itself, unless it is virtual). Native mode only. */
    public static Thread currentCarrier() {
        try {
            return (Thread) CURRENT_CARRIER.invokeExact();
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A native-mode strand: the body on a virtual thread scheduled by {@code loop} (its own
     * continuations; see {@link NativeStrand} for the others), watched by {@code watch} for
     * suspensions that would block the loop.
     */
    public static Strand nativeStrand(Executor loop, PinnedAwaits.Watch watch, Runnable body, String name) {
        return new NativeStrand(loop, watch, body, name);
    }

    /**
     * A compatibility-mode strand; {@code onInterrupt} is queued on the loop when the body's
     * thread is interrupted while it waits for its turn.
     */
    public static Strand compatStrand(Runnable body, String name, Consumer<Runnable> enqueue, Consumer<Thread> turns,
            Runnable onInterrupt) {
        return new CompatStrand(body, name, enqueue, turns, onInterrupt);
    }

    /**
     * The JDK's own scheduler of virtual threads: where the continuations of virtual threads that
     * are not tasks go, when they inherited a loop's scheduler.
     */
    public static Executor defaultScheduler() {
        return DefaultScheduler.INSTANCE;
    }

    /** Whether {@code t} is a virtual thread mounted on {@code carrier} right now (native mode only). */
    static boolean mountedOn(Thread t, Thread carrier) {
        VarHandle h = CARRIER_THREAD;
        return h != null && h.getVolatile(t) == carrier;
    }

    /** Holds the default scheduler, looked up on first use. */
    private static final class DefaultScheduler {
        static final Executor INSTANCE = find();

        private static Executor find() {
            try {
                Class<?> vt = Class.forName("java.lang.VirtualThread");
                MethodHandles.Lookup lookup = MethodHandles.privateLookupIn(vt, MethodHandles.lookup());
                Object pool = lookup.findStaticVarHandle(vt, "DEFAULT_SCHEDULER", ForkJoinPool.class).get();
                if (pool instanceof Executor e) {
                    return e;
                }
            } catch (ReflectiveOperationException | RuntimeException e) {
                // Another JDK layout: fall through to a pool of our own.
            }
            return new ForkJoinPool(Runtime.getRuntime().availableProcessors(), pool -> {
                ForkJoinWorkerThread t = ForkJoinPool.defaultForkJoinWorkerThreadFactory.newThread(pool);
                t.setDaemon(true);
                t.setName("aio4j-foreign-carrier-" + t.getPoolIndex());
                return t;
            }, null, true);
        }
    }

    private static VarHandle carrierThreadField() {
        try {
            Class<?> vt = Class.forName("java.lang.VirtualThread");
            return MethodHandles.privateLookupIn(vt, MethodHandles.lookup()).findVarHandle(vt, "carrierThread", Thread.class);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }

    /**
     * The JDK's NIO poller starts its sub-pollers as virtual threads of whichever thread first
     * does socket I/O; if that is a task, they would be scheduled by its loop and hang every
     * later blocking socket in the JVM once that loop stops. Initialising it here, from a
     * platform thread, before any task exists, keeps them on the JDK's own scheduler.
     */
    private static void initNioPollerOffTheLoop() {
        // Not a lambda: its body would be a method of this class, still being initialised here.
        Thread t = Thread.ofPlatform().name("aio4j-poller-init").start(new PollerInit());
        try {
            t.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Initialises the JDK's NIO poller; runs on its own platform thread. */
    private static final class PollerInit implements Runnable {
        @Override
        public void run() {
            try {
                Class.forName("sun.nio.ch.Poller", true, null);
            } catch (ClassNotFoundException | LinkageError e) {
                // Not this JDK's design: nothing to initialise.
            }
        }
    }
}
