package io.aio4j.monitor.internal;

/**
 * The JMX view of one event loop, registered as {@code io.aio4j:type=Loop,id=N} while a monitor
 * runs: the figures of the monitor page and {@code /metrics}, for jconsole and JMC. Every read
 * computes a fresh snapshot on the caller's thread, never on the loop.
 */
public interface LoopMXBean {
    /** The loop's id. */
    long getId();

    /** The thread running it, or null when stopped. */
    String getThread();

    /** {@code native} or {@code compat}. */
    String getMode();

    /** {@code stopped}, {@code idle}, {@code running} or {@code stuck}. */
    String getState();

    /** How long the current step has held the loop, if stuck; 0 otherwise. */
    double getStuckSeconds();

    /** Iterations run. */
    long getIterations();

    /** Iterations per second, over the last second. */
    double getIterationsPerSecond();

    /** Callbacks the last iteration ran. */
    int getReadyQueueLength();

    /** Timers scheduled. */
    int getTimers();

    /** Open socket transports. */
    int getTransports();

    /** Bytes read by its socket transports. */
    long getBytesIn();

    /** Bytes written by its socket transports. */
    long getBytesOut();

    /** Pending tasks. */
    int getTasks();

    /** Tasks holding the loop now. */
    int getTasksRunning();

    /** Tasks suspended in an await. */
    int getTasksAwaiting();

    /** Tasks in a JDK blocking call. */
    int getTasksBlocked();

    /** Tasks queued to run. */
    int getTasksReady();

    /** Median loop lag over the last minute, in milliseconds (NaN before the first probe). */
    double getLagP50Millis();

    /** 99th percentile of the loop lag over the last minute, in milliseconds. */
    double getLagP99Millis();

    /** Slow steps seen since the monitor started. */
    long getSlowSteps();
}
