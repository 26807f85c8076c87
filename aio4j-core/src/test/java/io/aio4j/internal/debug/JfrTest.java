package io.aio4j.internal.debug;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.aio4j.Aio;
import io.aio4j.EventLoop;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class JfrTest {

    @Test
    void flightRecorderSeesSlowCallbacksTaskLifecycleAndLoopLag() throws Exception {
        assertTrue(Jfr.AVAILABLE);
        JfrEvents.register();
        Map<String, RecordedEvent> seen = new ConcurrentHashMap<>();
        CountDownLatch all = new CountDownLatch(4);
        try (RecordingStream rs = new RecordingStream()) {
            for (String name : new String[] {"aio4j.SlowCallback", "aio4j.TaskCreated", "aio4j.TaskFinished", "aio4j.LoopLag"}) {
                rs.enable(name).withoutThreshold();
                rs.onEvent(name, e -> {
                    if (isOurs(e) && seen.putIfAbsent(name, e) == null) {
                        all.countDown();
                    }
                });
            }
            rs.setMaxAge(Duration.ofSeconds(30));
            rs.startAsync();

            // Recording starts asynchronously: keep producing the events until each has been seen.
            for (int i = 0; i < 100 && !all.await(0, TimeUnit.SECONDS); i++) {
                EventLoop loop = Aio.newEventLoop();
                loop.setDebug(true);
                loop.setSlowCallbackDuration(0.001);
                loop.runUntilComplete(loop.createTask(() -> {
                    Aio.sleep(0.002);
                    busy(0.005);
                }, "jfr-task"));
                loop.close();
                all.await(200, TimeUnit.MILLISECONDS);
            }
            assertTrue(all.await(30, TimeUnit.SECONDS), () -> "seen only " + seen.keySet());
        }
        assertTrue(seen.get("aio4j.SlowCallback").getString("callback").startsWith("<Task"));
        assertTrue(seen.get("aio4j.SlowCallback").getDuration("took").toNanos() > 0);
        assertEquals("finished", seen.get("aio4j.TaskFinished").getString("state"));
        assertTrue(seen.get("aio4j.LoopLag").getDuration("lag").toNanos() >= 0);
    }

    private static boolean isOurs(RecordedEvent e) {
        return switch (e.getEventType().getName()) {
            case "aio4j.TaskCreated", "aio4j.TaskFinished" -> "jfr-task".equals(e.getString("task"));
            case "aio4j.SlowCallback" -> e.getString("callback").contains("jfr-task");
            default -> true;
        };
    }

    private static void busy(double seconds) {
        long t0 = System.nanoTime();
        while (System.nanoTime() - t0 < (long) (seconds * 1e9)) {
            Thread.onSpinWait();
        }
    }
}
