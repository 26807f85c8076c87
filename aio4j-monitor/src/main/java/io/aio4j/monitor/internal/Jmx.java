package io.aio4j.monitor.internal;

import io.aio4j.internal.log.AioLogger;
import io.aio4j.internal.stats.TaskHistory;
import java.lang.management.ManagementFactory;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.management.InstanceAlreadyExistsException;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;

/**
 * Registers an MBean {@code io.aio4j:type=Loop,id=N} per open loop on the platform MBean server,
 * and unregisters it when the loop closes or the monitor stops. Another monitor's MBean of the
 * same loop is left alone. Sampler thread (and the closing thread).
 */
final class Jmx {
    private static final System.Logger LOG = AioLogger.LOG;

    /** Loops whose MBean this monitor registered. */
    private final Set<Long> ours = ConcurrentHashMap.newKeySet();
    /** Loops whose MBean could not be registered (another monitor's, or an error): not retried. */
    private final Set<Long> skipped = ConcurrentHashMap.newKeySet();
    private MBeanServer server;

    /** The MBean's name for loop {@code id}. */
    static ObjectName name(long id) {
        try {
            return new ObjectName("io.aio4j:type=Loop,id=" + id);
        } catch (JMException e) {
            throw new IllegalStateException(e);
        }
    }

    void register(LoopWatch w, TaskHistory history) {
        long id = w.view.id();
        if (ours.contains(id) || skipped.contains(id)) {
            return;
        }
        try {
            if (server == null) {
                server = ManagementFactory.getPlatformMBeanServer();
            }
            server.registerMBean(new LoopBean(w, history), name(id));
            ours.add(id);
        } catch (InstanceAlreadyExistsException e) {
            // Another monitor in this JVM registered it: theirs serves the same figures.
            skipped.add(id);
        } catch (JMException | RuntimeException e) {
            LOG.log(System.Logger.Level.DEBUG, "aio4j monitor: cannot register the MBean of loop " + id, e);
            skipped.add(id);
        }
    }

    void unregister(long id) {
        skipped.remove(id);
        if (ours.remove(id)) {
            try {
                server.unregisterMBean(name(id));
            } catch (JMException e) {
                LOG.log(System.Logger.Level.DEBUG, "aio4j monitor: cannot unregister the MBean of loop " + id, e);
            }
        }
    }

    void unregisterAll() {
        for (Long id : Set.copyOf(ours)) {
            unregister(id);
        }
        skipped.clear();
    }

    /** The MBean of one loop: reads a fresh snapshot per attribute. */
    private static final class LoopBean implements LoopMXBean {
        private final LoopWatch watch;
        private final TaskHistory history;

        LoopBean(LoopWatch watch, TaskHistory history) {
            this.watch = watch;
            this.history = history;
        }

        private LoopSnapshot s() {
            return LoopSnapshot.of(watch, history);
        }

        @Override
        public long getId() {
            return watch.view.id();
        }

        @Override
        public String getThread() {
            return watch.view.threadName();
        }

        @Override
        public String getMode() {
            return watch.view.nativeMode() ? "native" : "compat";
        }

        @Override
        public String getState() {
            return s().state();
        }

        @Override
        public double getStuckSeconds() {
            SlowStep stuck = watch.stuck();
            return stuck == null ? 0 : stuck.seconds();
        }

        @Override
        public long getIterations() {
            return watch.view.stats().sample().iterations();
        }

        @Override
        public double getIterationsPerSecond() {
            return watch.iterationsPerSecond();
        }

        @Override
        public int getReadyQueueLength() {
            return watch.view.stats().sample().ready();
        }

        @Override
        public int getTimers() {
            return watch.view.stats().sample().timers();
        }

        @Override
        public int getTransports() {
            return watch.view.stats().sample().transports();
        }

        @Override
        public long getBytesIn() {
            return watch.view.stats().sample().bytesIn();
        }

        @Override
        public long getBytesOut() {
            return watch.view.stats().sample().bytesOut();
        }

        @Override
        public int getTasks() {
            return s().tasks();
        }

        @Override
        public int getTasksRunning() {
            return s().tasksByState().get("running");
        }

        @Override
        public int getTasksAwaiting() {
            return s().tasksByState().get("awaiting");
        }

        @Override
        public int getTasksBlocked() {
            return s().tasksByState().get("blocked");
        }

        @Override
        public int getTasksReady() {
            return s().tasksByState().get("ready");
        }

        @Override
        public double getLagP50Millis() {
            return watch.lag.quantile(System.nanoTime(), 0.5) * 1e3;
        }

        @Override
        public double getLagP99Millis() {
            return watch.lag.quantile(System.nanoTime(), 0.99) * 1e3;
        }

        @Override
        public long getSlowSteps() {
            return watch.slowStepsTotal();
        }
    }
}
