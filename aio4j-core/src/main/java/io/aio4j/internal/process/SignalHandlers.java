package io.aio4j.internal.process;

import io.aio4j.EventLoop;
import io.aio4j.internal.loop.Handoff;
import io.aio4j.process.Signals;
import java.util.HashMap;
import java.util.Map;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * One loop's signal handlers (asyncio's {@code add_signal_handler}): the JVM calls a handler on
 * its "Signal Dispatcher" thread, which only queues the callback on the loop. Used from the
 * loop's thread.
 */
public final class SignalHandlers {
    private final EventLoop loop;
    private final Map<Integer, Registration> registrations = new HashMap<>();

    private record Registration(Signal signal, SignalHandler previous) {
    }

    /** The handlers of {@code loop}. */
    public SignalHandlers(EventLoop loop) {
        this.loop = loop;
    }

    /**
     * Runs {@code callback} on the loop whenever the JVM receives {@code signal}, replacing this
     * loop's earlier handler for it.
     *
     * @throws IllegalArgumentException {@code "invalid signal number 99"}, or
     *     {@code "sig 9 cannot be caught"} for a signal the OS or the JVM keeps for itself
     */
    public void add(int signal, Runnable callback) {
        Signals.check(signal);
        String name = Signals.name(signal);
        if (name == null || signal == Signals.SIGKILL || signal == Signals.SIGSTOP) {
            throw new IllegalArgumentException("sig " + signal + " cannot be caught");
        }
        Signal sig = new Signal(name);
        SignalHandler handler = s -> {
            Handoff.callSoonThreadsafe(loop, callback);
        };
        SignalHandler previous;
        try {
            previous = Signal.handle(sig, handler);
        } catch (IllegalArgumentException reserved) {
            throw new IllegalArgumentException("sig " + signal + " cannot be caught: " + reserved.getMessage(), reserved);
        }
        Registration earlier = registrations.get(signal);
        registrations.put(signal, new Registration(sig, earlier != null ? earlier.previous() : previous));
    }

    /** Restores the handler that {@code signal} had before; false if this loop had none for it. */
    public boolean remove(int signal) {
        Signals.check(signal);
        Registration r = registrations.remove(signal);
        if (r == null) {
            return false;
        }
        Signal.handle(r.signal(), r.previous());
        return true;
    }

    /** {@link #remove} for a loop that never added a handler: checks {@code signal}, returns false. */
    public static boolean checkOnly(int signal) {
        Signals.check(signal);
        return false;
    }

    /** Removes every handler (when the loop closes). */
    public void removeAll() {
        for (Integer signal : registrations.keySet().toArray(new Integer[0])) {
            remove(signal);
        }
    }
}
