package io.aio4j.monitor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.junit.jupiter.api.Test;

/** The MBean per loop: registered while the monitor runs, gone when the loop closes or the monitor stops. */
class JmxTest {
    private final MBeanServer server = ManagementFactory.getPlatformMBeanServer();

    @Test
    void eachLoopHasAnMBeanWhileTheMonitorRuns() throws Exception {
        ObjectName name;
        try (Monitor monitor = Monitor.start(new MonitorOptions())) {
            LoopThread app = LoopThread.start("jmx-loop");
            long id = MonitorApiTest.loopIdOf(new MonitorClient(monitor), app);
            name = new ObjectName("io.aio4j:type=Loop,id=" + id);
            ObjectName n = name;
            MonitorApiTest.await("the MBean", () -> server.isRegistered(n), r -> r);
            assertEquals(id, server.getAttribute(name, "Id"));
            // The loop's thread starts running it concurrently with this test: wait for it to be seen.
            MonitorApiTest.await("the loop's thread", () -> server.getAttribute(n, "Thread"), "jmx-loop"::equals);
            assertEquals(System.getProperty("aio4j.expectMode", "native"), server.getAttribute(name, "Mode"));
            MonitorApiTest.await("an iteration", () -> (Long) server.getAttribute(n, "Iterations"), i -> i > 0);
            assertTrue(java.util.List.of("idle", "running").contains((String) server.getAttribute(name, "State")));
            assertEquals(0, server.getAttribute(name, "Tasks"));
            app.close();
            MonitorApiTest.await("the MBean gone with its loop", () -> server.isRegistered(n), r -> !r);

            LoopThread other = LoopThread.start("jmx-loop-2");
            ObjectName second = new ObjectName("io.aio4j:type=Loop,id=" + MonitorApiTest.loopIdOf(new MonitorClient(monitor), other));
            MonitorApiTest.await("the second MBean", () -> server.isRegistered(second), r -> r);
            monitor.close();
            assertFalse(server.isRegistered(second), "unregistered when the monitor closes");
            other.close();
        }
    }
}
