package io.aio4j.internal.stats;

import io.aio4j.internal.log.AioLogger;
import java.util.Iterator;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * {@code -Daio4j.monitor=127.0.0.1:PORT}: starts the live monitor in any application, with no
 * code change, when the first loop is created, if the {@code aio4j-monitor} module is present
 * (found through {@link ServiceLoader}); a WARNING says so if the property is set and the
 * module is not. A monitor that fails to start never breaks the loop being created.
 */
public final class MonitorAutostart {
    /** The system property: {@code host:port} to serve the monitor at. */
    public static final String PROPERTY = "aio4j.monitor";
    private static final AtomicBoolean CHECKED = new AtomicBoolean();
    private static final System.Logger LOG = AioLogger.LOG;

    private MonitorAutostart() {
    }

    /** Checks the property once per JVM (at the first loop creation) and starts the monitor if it is set. */
    public static void startOnce() {
        if (CHECKED.get() || !CHECKED.compareAndSet(false, true)) {
            return;
        }
        String hostPort = System.getProperty(PROPERTY);
        if (hostPort == null || hostPort.isBlank()) {
            return;
        }
        try {
            Iterator<MonitorStarter> it = ServiceLoader.load(MonitorStarter.class, MonitorAutostart.class.getClassLoader()).iterator();
            if (!it.hasNext()) {
                LOG.log(System.Logger.Level.WARNING, "-D" + PROPERTY + "=" + hostPort + " is set but the aio4j-monitor module"
                        + " (io.aio4j:aio4j-monitor) is not on the class path or module path: no monitor is started");
                return;
            }
            it.next().start(hostPort.strip());
        } catch (Exception | ServiceConfigurationError | LinkageError e) {
            LOG.log(System.Logger.Level.WARNING, "cannot start the aio4j monitor at -D" + PROPERTY + "=" + hostPort + ": " + e, e);
        }
    }
}
