package io.aio4j.txaio.internal;

import io.aio4j.txaio.Backend;
import io.aio4j.txaio.internal.jdk.JdkDriver;
import io.aio4j.txaio.spi.Driver;
import io.aio4j.txaio.spi.DriverProvider;
import io.aio4j.txaio.spi.ErrorSink;
import java.util.List;
import java.util.ServiceLoader;
import java.util.concurrent.ScheduledExecutorService;

/**
 * Finds the driver for a backend or for a loop object; Netty's comes from {@link DriverProvider}.
 */
public final class Drivers {
    private static final class Providers {
        static final List<DriverProvider> ALL = ServiceLoader.load(DriverProvider.class).stream()
                .map(ServiceLoader.Provider::get).toList();
    }

    private Drivers() {
    }

    /** Returns the driver of {@code backend}'s default loop. */
    public static Driver forBackend(Backend backend) {
        Checks.notNull(backend, "backend");
        return switch (backend) {
            case JDK -> JdkDriver.shared();
            case AIO4J -> provider(Backend.AIO4J).defaultDriver();
            case NETTY -> provider(Backend.NETTY).defaultDriver();
        };
    }

    /**
     * Returns the driver for {@code loop}: an aio4j {@code EventLoop}, a Netty {@code EventLoop} or a
     * {@code ScheduledExecutorService}.
     */
    public static Driver forLoop(Object loop) {
        Checks.notNull(loop, "loop");
        for (DriverProvider provider : Providers.ALL) {
            Driver driver = provider.driverFor(loop);
            if (driver != null) {
                return driver;
            }
        }
        if (loop instanceof ScheduledExecutorService executor) {
            return new JdkDriver(executor, System::nanoTime, ErrorSink.LOG);
        }
        throw new IllegalArgumentException("Not a loop txaio can use: " + loop.getClass().getName()
                + " (expected an aio4j EventLoop, a Netty EventLoop or a ScheduledExecutorService)");
    }

    private static DriverProvider provider(Backend backend) {
        for (DriverProvider provider : Providers.ALL) {
            if (provider.backend() == backend) {
                return provider;
            }
        }
        String module = backend == Backend.NETTY ? "aio4j-txaio-netty" : "aio4j-txaio";
        throw new IllegalStateException("Backend '" + backend + "' is not available: put " + module
                + " on the class path or module path");
    }
}
