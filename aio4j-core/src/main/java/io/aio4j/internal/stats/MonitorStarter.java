package io.aio4j.internal.stats;

/**
 * The service ({@link java.util.ServiceLoader}) through which core starts a monitor from the
 * system property {@code aio4j.monitor} without depending on the monitor module: the module
 * {@code io.aio4j.monitor} provides it. Called once, on the thread creating the JVM's first loop.
 */
public interface MonitorStarter {
    /**
     * Starts a monitor serving at {@code hostPort} ({@code 127.0.0.1:PORT}, port 0: any free
     * port) and logs its URL; must return quickly and must not create or run a loop.
     */
    void start(String hostPort) throws Exception;
}
