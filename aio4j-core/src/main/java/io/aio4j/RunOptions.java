package io.aio4j;

/**
 * Options for {@link Aio#run(AsyncCallable, RunOptions)}, made with {@link Aio#options()}:
 * {@code Aio.run(main, Aio.options().debug(true).slowCallbackDuration(0.01))}.
 * Options left unset keep the loop's defaults (debug mode from {@code AIO4J_DEBUG} or
 * {@code -Daio4j.debug=true}).
 */
public final class RunOptions {
    private Boolean debug;
    private double slowCallbackDuration = Double.NaN;

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

    void applyTo(EventLoop loop) {
        if (debug != null) {
            loop.setDebug(debug);
        }
        if (!Double.isNaN(slowCallbackDuration)) {
            loop.setSlowCallbackDuration(slowCallbackDuration);
        }
    }

    @Override
    public String toString() {
        return "RunOptions[debug=" + debug + ", slowCallbackDuration=" + slowCallbackDuration + "]";
    }
}
