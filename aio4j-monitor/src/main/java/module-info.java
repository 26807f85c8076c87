/**
 * aio4j's live monitor: a web page, a JSON API, Prometheus metrics and JMX MBeans for every
 * event loop and task of the JVM ({@link io.aio4j.monitor.Monitor}). JDK only: the built-in
 * HTTP server and {@code java.management}.
 */
module io.aio4j.monitor {
    requires io.aio4j;
    requires jdk.httpserver;
    requires java.management;

    // API
    exports io.aio4j.monitor;

    // internal: the MXBean interface, which the platform MBean server reads by reflection.
    exports io.aio4j.monitor.internal to java.management;

    // SPI: -Daio4j.monitor starts a monitor when core creates its first loop.
    provides io.aio4j.internal.stats.MonitorStarter with io.aio4j.monitor.internal.AutoStart;
}
