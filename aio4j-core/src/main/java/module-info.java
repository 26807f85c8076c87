/**
 * aio4j's core: the event loop, futures and tasks ({@code io.aio4j}).
 *
 * <p>Native mode needs {@code --add-opens java.base/java.lang=io.aio4j} on the module path
 * (or {@code =ALL-UNNAMED} on the class path); without it aio4j runs in compatibility mode.
 */
module io.aio4j {
    // sun.misc.Signal: the loop's signal handlers and Aio.run's Ctrl-C.
    requires jdk.unsupported;

    // API
    exports io.aio4j;
    exports io.aio4j.net;
    exports io.aio4j.stream;
    exports io.aio4j.tls;
    exports io.aio4j.process;
    exports io.aio4j.sync;
    exports io.aio4j.queue;

    // SPI, for aio4j's own modules: the virtual-time TestLoop of aio4j-test is built on the loop
    // (LoopEngine) with its own clock and poller.
    exports io.aio4j.internal.loop.spi to io.aio4j.test;
    // internal: the one Duration conversion, for @AioTest's timeout and the monitor's options.
    exports io.aio4j.internal.time to io.aio4j.test, io.aio4j.monitor;
    // internal: write flow control and safe protocol calls, shared with aio4j-test's in-memory TestTransport.
    exports io.aio4j.internal.net to io.aio4j.test;

    // internal, for the live monitor: per-loop counters, read-only views, the terminated-task
    // history and the ServiceLoader hook behind -Daio4j.monitor.
    exports io.aio4j.internal.stats to io.aio4j.monitor;
    uses io.aio4j.internal.stats.MonitorStarter;

    // internal: everything else (io.aio4j.internal.*) is not exported, except debug mode's
    // Flight Recorder events to the recorder, and its unclosed-resource warnings and owed reports
    // to aio4j-test (the in-memory TestTransport owes "unclosed transport" as a socket does).
    exports io.aio4j.internal.debug to jdk.jfr, io.aio4j.test;

    // Logging that never blocks a native loop's thread, for the other modules' loggers.
    exports io.aio4j.internal.log to io.aio4j.test, io.aio4j.monitor, io.aio4j.txaio;

    // optional: Flight Recorder events are emitted only when jdk.jfr is present.
    requires static jdk.jfr;
}
