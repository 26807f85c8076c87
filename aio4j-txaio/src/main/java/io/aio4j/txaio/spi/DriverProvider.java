package io.aio4j.txaio.spi;

import io.aio4j.txaio.Backend;

/**
 * A backend that lives in another module (Netty), found with {@code ServiceLoader}.
 */
public interface DriverProvider {

    /** Returns the backend this provider drives. */
    Backend backend();

    /** Returns the driver for the framework's default loop. */
    Driver defaultDriver();

    /** Returns a driver for {@code loop} if it is this framework's loop, else null. */
    Driver driverFor(Object loop);
}
