/**
 * txaio for the JVM: futures, timers and structured logging over aio4j, Netty or JDK executors.
 */
@SuppressWarnings("module") // the qualified export names a module built after this one
module io.aio4j.txaio {
    requires transitive io.aio4j;
    requires java.logging;

    // API
    exports io.aio4j.txaio;

    // SPI for the Netty backend module; not API.
    exports io.aio4j.txaio.internal to io.aio4j.txaio.netty;

    uses io.aio4j.txaio.internal.DriverProvider;
    provides io.aio4j.txaio.internal.DriverProvider with io.aio4j.txaio.internal.aio4j.Aio4jDriverProvider;
}
