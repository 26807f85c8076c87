package io.aio4j.monitor.internal;

/**
 * The monitor's options as its machinery uses them (made from {@code MonitorOptions}).
 *
 * @param slowStepSeconds  how long an iteration's callbacks may run before the step counts as slow and the loop as stuck
 * @param lagProbeSeconds  the period of each loop's lag probe timer
 * @param keepTerminated   how many terminated tasks to keep
 * @param jmx              whether to register an MBean per loop
 */
public record Settings(double slowStepSeconds, double lagProbeSeconds, int keepTerminated, boolean jmx) {
    /** How often the sampler looks at every loop: a quarter of the slow-step threshold, between 5 and 50 ms. */
    long tickNanos() {
        return (long) (Math.max(0.005, Math.min(0.05, slowStepSeconds / 4)) * 1e9);
    }
}
