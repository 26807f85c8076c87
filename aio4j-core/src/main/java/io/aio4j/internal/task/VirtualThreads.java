package io.aio4j.internal.task;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.concurrent.Executor;
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

    /** A native-mode strand: the body on a virtual thread built by {@code builder}. */
    public static Strand nativeStrand(Thread.Builder.OfVirtual builder, Runnable body, String name) {
        return new NativeStrand(builder.name(name).unstarted(body));
    }

    /** A compatibility-mode strand. */
    public static Strand compatStrand(Runnable body, String name, Consumer<Runnable> enqueue, Consumer<Thread> turns) {
        return new CompatStrand(body, name, enqueue, turns);
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
