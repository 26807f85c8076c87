/**
 * txaio for the JVM: futures, timers and structured logging over aio4j, Netty or JDK executors.
 */
@SuppressWarnings("module") // the qualified export names a module built after this one
module io.aio4j.txaio {
    requires transitive io.aio4j;
    requires java.logging;

    // API
    exports io.aio4j.txaio;

    // SPI, for the Netty backend module only: what a backend implements (Driver, Cell) and how
    // it is found (DriverProvider). The machinery in io.aio4j.txaio.internal.* is not exported.
    exports io.aio4j.txaio.spi to io.aio4j.txaio.netty;

    uses io.aio4j.txaio.spi.DriverProvider;
    provides io.aio4j.txaio.spi.DriverProvider with io.aio4j.txaio.internal.aio4j.Aio4jDriverProvider;
}
