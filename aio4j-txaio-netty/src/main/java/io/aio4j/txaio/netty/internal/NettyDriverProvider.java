package io.aio4j.txaio.netty.internal;

import io.aio4j.txaio.Backend;
import io.aio4j.txaio.spi.Driver;
import io.aio4j.txaio.spi.DriverProvider;
import io.aio4j.txaio.spi.ErrorSink;
import io.netty.channel.DefaultEventLoop;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.EventExecutor;

/**
 * Registers the Netty backend with txaio ({@code META-INF/services} and {@code provides}).
 */
public final class NettyDriverProvider implements DriverProvider {
    private static final class Shared {
        static final NettyDriver INSTANCE = new NettyDriver(
                new DefaultEventLoop(new DefaultThreadFactory("txaio-netty", true)), ErrorSink.LOG);
    }

    /** Creates the provider; {@code ServiceLoader} calls this. */
    public NettyDriverProvider() {
    }

    @Override
    public Backend backend() {
        return Backend.NETTY;
    }

    @Override
    public Driver defaultDriver() {
        return Shared.INSTANCE;
    }

    @Override
    public Driver driverFor(Object loop) {
        return loop instanceof EventExecutor executor ? new NettyDriver(executor, ErrorSink.LOG) : null;
    }
}
