package io.aio4j;

import io.aio4j.internal.loop.LoopCore;
import io.aio4j.internal.time.Durations;
import java.time.Duration;

/**
 * Options for {@link Aio#run(AsyncCallable, RunOptions)}, made with {@link Aio#options()}:
 * {@code Aio.run(main, Aio.options().debug(true).slowCallbackDuration(0.01))}.
 * Options left unset keep the loop's defaults (debug mode from {@code AIO4J_DEBUG} or
 * {@code -Daio4j.debug=true}).
 */
public final class RunOptions {
    private Boolean debug;
    private double slowCallbackDuration = Double.NaN;
    private Boolean eagerTasks;

    RunOptions() {
    }

    /** Turns debug mode on or off for the loop. */
    public RunOptions debug(boolean enabled) {
        this.debug = enabled;
        return this;
    }

    /** Sets the loop's {@link EventLoop#slowCallbackDuration()}, in seconds. */
    public RunOptions slowCallbackDuration(double seconds) {
        if (!(seconds >= 0)) {
            throw new IllegalArgumentException("slowCallbackDuration < 0 or NaN: " + seconds);
        }
        this.slowCallbackDuration = seconds;
        return this;
    }

    /** {@link #slowCallbackDuration(double)} with a {@link Duration}. */
    public RunOptions slowCallbackDuration(Duration duration) {
        return slowCallbackDuration(Durations.toSeconds(duration, "duration"));
    }

    /**
     * Starts tasks eagerly (asyncio's {@code eager_task_factory}): {@code createTask} runs the
     * new task's body at once until its first suspension, before returning; a task that
     * finishes without suspending is done when {@code createTask} returns.
     */
    public RunOptions eagerTasks(boolean enabled) {
        this.eagerTasks = enabled;
        return this;
    }

    void applyTo(EventLoop loop) {
        if (eagerTasks != null) {
            LoopCore.require(loop).tasks().setEagerTasks(eagerTasks);
        }
        if (debug != null) {
            loop.setDebug(debug);
        }
        if (!Double.isNaN(slowCallbackDuration)) {
            loop.setSlowCallbackDuration(slowCallbackDuration);
        }
    }

    @Override
    public String toString() {
        return "RunOptions[debug=" + debug + ", slowCallbackDuration=" + slowCallbackDuration
                + ", eagerTasks=" + eagerTasks + "]";
    }
}
