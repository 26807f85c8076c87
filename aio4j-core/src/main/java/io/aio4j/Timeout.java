package io.aio4j;

import io.aio4j.internal.Sneaky;

/**
 * asyncio's {@code Timeout}: the scope of {@link Aio#timeout(double, TimeoutBody)} and
 * {@link Aio#timeoutAt}, which cancels the current task at a deadline and turns that
 * cancellation into a {@link TimeoutException} when the body ends.
 *
 * <pre>
 *   CREATED --enter--> ENTERED --deadline--> EXPIRING --exit--> EXPIRED
 *                         |
 *                         +--exit--> EXITED
 * </pre>
 *
 * <p>Only the timeout that caused the cancellation converts it: on exit an expired timeout
 * calls {@link Task#uncancel()}, and raises {@code TimeoutException} only if that brings the
 * task's {@link Task#cancelling()} back to its level at entry. So with nested timeouts the
 * outermost expired one raises, and a cancellation from elsewhere stays a
 * {@link CancelledException}. All methods run on the task's loop thread.
 */
public final class Timeout {
    /** The states, with asyncio's names for {@link #toString()}. */
    private enum State {
        CREATED("created"), ENTERED("active"), EXPIRING("expiring"), EXPIRED("expired"), EXITED("finished");

        final String label;

        State(String label) {
            this.label = label;
        }
    }

    private State state = State.CREATED;
    private double when;
    private Handle handler;
    private Task<?> task;
    private int cancellingAtEntry;
    /** The task's enclosing timeout, restored on exit. */
    private Timeout enclosing;

    Timeout(double when) {
        checkWhen(when);
        this.when = when;
    }

    /** The deadline in loop time ({@link EventLoop#time()}); {@link Double#POSITIVE_INFINITY} when disabled. */
    public double when() {
        return when;
    }

    /**
     * Moves the deadline to {@code when} (loop time; {@link Double#POSITIVE_INFINITY} disables the
     * timeout). A deadline already past fires on the loop's next iteration.
     *
     * @throws IllegalStateException if the scope is not active:
     *     {@code "Cannot change state of expiring Timeout"} (or {@code expired}, {@code finished})
     */
    public void reschedule(double when) {
        checkWhen(when);
        if (state != State.ENTERED) {
            if (state == State.CREATED) {
                throw new IllegalStateException("Timeout has not been entered");
            }
            throw new IllegalStateException("Cannot change state of " + state.label + " Timeout");
        }
        this.when = when;
        if (handler != null) {
            handler.cancel();
            handler = null;
        }
        if (when != Double.POSITIVE_INFINITY) {
            EventLoop loop = task.loop();
            handler = when <= loop.time() ? loop.callSoon(this::onTimeout) : loop.callAt(when, this::onTimeout);
        }
    }

    /** Whether the deadline passed and the task was cancelled for it (states EXPIRING and EXPIRED). */
    public boolean expired() {
        return state == State.EXPIRING || state == State.EXPIRED;
    }

    /** asyncio's repr: {@code <Timeout [active] when=12.5>}. */
    @Override
    public String toString() {
        String info = "";
        if (state == State.ENTERED) {
            info = " when=" + (when == Double.POSITIVE_INFINITY ? "None" : String.valueOf(Math.round(when * 1000) / 1000.0));
        }
        return "<Timeout [" + state.label + "]" + info + ">";
    }

    /** The innermost active timeout of {@code task}, or null. */
    static Timeout current(Task<?> task) {
        return task.timeout;
    }

    /** Runs {@code body} in this timeout's scope, in the current task: {@code async with timeout}. */
    <T> T run(TimeoutBody<T> body) {
        enter();
        T result = null;
        Throwable error = null;
        try {
            result = body.run(this);
        } catch (Throwable t) {
            error = t;
        }
        Throwable raised = exit(error);
        if (raised != null) {
            throw Sneaky.raise(raised);
        }
        return result;
    }

    private void enter() {
        if (state != State.CREATED) {
            throw new IllegalStateException("Timeout has already been entered");
        }
        Task<?> current = Aio.currentTask();
        if (current == null) {
            throw new IllegalStateException("Timeout should be used inside a task");
        }
        task = current;
        cancellingAtEntry = current.cancelling();
        enclosing = current.timeout;
        current.timeout = this;
        state = State.ENTERED;
        reschedule(when);
    }

    /** Leaves the scope; returns what the body should raise (maybe a TimeoutException in place of its error). */
    private Throwable exit(Throwable error) {
        task.timeout = enclosing;
        enclosing = null;
        if (handler != null) {
            handler.cancel();
            handler = null;
        }
        if (state == State.EXPIRING) {
            state = State.EXPIRED;
            // A body in a JDK blocking call got the cancellation as an interrupt: its answer counts too.
            CancelledException cancellation = task.cancellationOf(error);
            if (task.uncancel() <= cancellingAtEntry && cancellation != null) {
                // No newer cancellation request is pending: this one was ours.
                TimeoutException timeout = new TimeoutException();
                timeout.initCause(cancellation);
                return timeout;
            }
        } else if (state == State.ENTERED) {
            state = State.EXITED;
        }
        return error;
    }

    private void onTimeout() {
        if (state != State.ENTERED) {
            return;
        }
        task.cancel();
        state = State.EXPIRING;
        handler = null;
    }

    private static void checkWhen(double when) {
        if (Double.isNaN(when)) {
            throw new IllegalArgumentException("Invalid deadline: NaN (not a number)");
        }
    }
}
