/**
 * The Netty 4.2 backend of aio4j-txaio, and awaiting Netty futures from aio4j tasks.
 */
module io.aio4j.txaio.netty {
    requires io.aio4j;
    requires io.aio4j.txaio;
    requires transitive io.netty.common; // NettyFutures takes Netty futures
    requires io.netty.transport;

    // API
    exports io.aio4j.txaio.netty;

    // found by Txaio.useNetty() and Txaio.withConfig(nettyEventLoop)
    provides io.aio4j.txaio.spi.DriverProvider with io.aio4j.txaio.netty.internal.NettyDriverProvider;
}
