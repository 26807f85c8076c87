package io.aio4j.txaio.internal.aio4j;

import io.aio4j.EventLoop;
import io.aio4j.txaio.Backend;
import io.aio4j.txaio.spi.Driver;
import io.aio4j.txaio.spi.DriverProvider;

/**
 * Registers the aio4j backend (found like the Netty one, through {@code ServiceLoader}).
 */
public final class Aio4jDriverProvider implements DriverProvider {
    private static final Aio4jDriver RUNNING_LOOP = new Aio4jDriver(null);

    /** Creates the provider; {@code ServiceLoader} calls this. */
    public Aio4jDriverProvider() {
    }

    @Override
    public Backend backend() {
        return Backend.AIO4J;
    }

    @Override
    public Driver defaultDriver() {
        return RUNNING_LOOP;
    }

    @Override
    public Driver driverFor(Object loop) {
        return loop instanceof EventLoop eventLoop ? new Aio4jDriver(eventLoop) : null;
    }
}
