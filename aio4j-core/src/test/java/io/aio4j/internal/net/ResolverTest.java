package io.aio4j.internal.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.aio4j.Aio;
import io.aio4j.net.AioIOException;
import io.aio4j.testing.LogCapture;
import java.net.InetSocketAddress;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class ResolverTest {

    @Test
    void getaddrinfoResolvesInTheExecutorAndLogsTheTimeInDebugMode() {
        try (LogCapture logs = new LogCapture()) {
            List<InetSocketAddress> addrs = Aio.run(() -> Aio.await(Aio.getRunningLoop().getaddrinfo("localhost", 80)),
                    Aio.options().debug(true));
            assertFalse(addrs.isEmpty());
            assertTrue(addrs.stream().allMatch(a -> a.getPort() == 80 && a.getAddress().isLoopbackAddress()));
            assertNotNull(logs.find("Get address info host=localhost port=80"));
            assertTrue(logs.find("Getting address info host=localhost port=80 took ").getMessage()
                    .matches("Getting address info host=localhost port=80 took \\d+\\.\\d{3}ms: \\[.*\\]"));
        }
    }

    @Test
    void anUnknownHostFailsWithAnAioIOException() {
        assertThrows(AioIOException.class, () -> Aio.run(
                () -> Aio.await(Aio.getRunningLoop().getaddrinfo("no-such-host.invalid", 80))));
    }

    @Test
    void literalsAreResolvedWithoutALookup() {
        List<InetSocketAddress> addrs = Aio.run(() -> Aio.await(Resolver.ensureResolved(
                io.aio4j.internal.loop.SelectorEventLoop.of(Aio.getRunningLoop()), "::1", 5)));
        assertEquals(1, addrs.size());
        assertEquals(5, addrs.get(0).getPort());
        assertThrows(IllegalArgumentException.class, () -> Aio.run(() -> Aio.getRunningLoop().getaddrinfo("x", 70000)));
    }
}
