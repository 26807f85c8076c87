package io.aio4j.monitor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class MonitorOptionsTest {
    @Test
    void addressesParseAsThePropertyGivesThem() {
        assertTrue(new MonitorOptions().address("127.0.0.1:8950").toString().contains("host=127.0.0.1, port=8950"));
        assertTrue(new MonitorOptions().address("[::1]:0").toString().contains("host=::1, port=0"));
        assertTrue(new MonitorOptions().address("9000").toString().contains("host=127.0.0.1, port=9000"));
        assertTrue(new MonitorOptions().address(":0").toString().contains("host=127.0.0.1, port=0"));
    }

    @Test
    void badValuesAreRefusedWithTheirValue() {
        assertThrows(IllegalArgumentException.class, () -> new MonitorOptions().address("localhost"));
        assertThrows(IllegalArgumentException.class, () -> new MonitorOptions().port(65536));
        assertThrows(IllegalArgumentException.class, () -> new MonitorOptions().keepTerminated(-1));
        assertThrows(IllegalArgumentException.class, () -> new MonitorOptions().slowStep(Duration.ZERO));
        assertThrows(IllegalArgumentException.class, () -> new MonitorOptions().lagProbeInterval(Duration.ofNanos(10)));
    }

    @Test
    void anUnknownHostIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> Monitor.start(new MonitorOptions().host("no-such-host.invalid")));
    }

    /** Regression: both durations went through toNanos()/toMillis(), which throw ArithmeticException past 292 years. */
    @Test
    @Timeout(30)
    void durationsOf292YearsOrMoreMeanNever() {
        Duration forever = ChronoUnit.FOREVER.getDuration();
        MonitorOptions options = new MonitorOptions().jmx(false).slowStep(forever)
                .lagProbeInterval(Duration.ofSeconds(Long.MAX_VALUE));
        try (Monitor monitor = Monitor.start(options)) {
            assertEquals("http", monitor.uri().getScheme());
        }
    }
}
