package io.aio4j.monitor;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

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
}
