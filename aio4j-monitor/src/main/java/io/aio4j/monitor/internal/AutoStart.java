package io.aio4j.monitor.internal;

import io.aio4j.internal.stats.MonitorStarter;
import io.aio4j.monitor.Monitor;
import io.aio4j.monitor.MonitorOptions;

/**
 * The {@link java.util.ServiceLoader} provider behind {@code -Daio4j.monitor=HOST:PORT}: core calls
 * it when the JVM's first loop is created. The monitor then runs until the JVM exits.
 */
public final class AutoStart implements MonitorStarter {
    /** For {@link java.util.ServiceLoader}. */
    public AutoStart() {
    }

    @Override
    public void start(String hostPort) {
        Monitor.start(new MonitorOptions().address(hostPort));
    }
}
