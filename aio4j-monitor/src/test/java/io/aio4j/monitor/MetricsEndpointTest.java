package io.aio4j.monitor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.aio4j.Aio;
import io.aio4j.monitor.internal.MetricsTest;
import io.aio4j.net.Server;
import io.aio4j.stream.StreamPair;
import io.aio4j.stream.Streams;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code /metrics} of a live loop moving bytes through a socket, parsed as a scraper would. */
class MetricsEndpointTest {
    @Test
    void metricsCountBytesTransportsIterationsAndTasks() throws Exception {
        try (Monitor monitor = Monitor.start(new MonitorOptions().jmx(false)); LoopThread app = LoopThread.start("metrics-loop")) {
            MonitorClient http = new MonitorClient(monitor);
            app.call(() -> {
                Server server = Streams.startServer((r, w) -> {
                    w.write(r.readLine());
                    w.drain();
                    Aio.sleep(Double.POSITIVE_INFINITY);
                }, "127.0.0.1", 0);
                int port = ((InetSocketAddress) server.sockets().get(0)).getPort();
                StreamPair c = Streams.openConnection("127.0.0.1", port);
                c.writer().write("hello, metrics\n".getBytes(StandardCharsets.UTF_8));
                c.writer().drain();
                c.reader().readLine();
                return null;
            });
            long id = MonitorApiTest.loopIdOf(http, app);
            HttpResponse<String> r = http.get("/metrics");
            assertEquals(200, r.statusCode());
            assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/plain; version=0.0.4"));
            Map<String, Double> s = MetricsTest.parse(r.body());
            String loop = "{loop=\"" + id + "\"}";
            assertEquals(1, s.get("aio4j_loop_running" + loop));
            assertTrue(s.get("aio4j_loop_iterations_total" + loop) > 0, r.body());
            // Both ends of the connection are this loop's: 15 bytes each way, counted once per read and write.
            assertEquals(30, s.get("aio4j_loop_received_bytes_total" + loop), r.body());
            assertEquals(30, s.get("aio4j_loop_sent_bytes_total" + loop), r.body());
            assertEquals(2, s.get("aio4j_loop_transports" + loop), r.body());
            assertTrue(s.get("aio4j_tasks{loop=\"" + id + "\",state=\"awaiting\"}") >= 1, r.body());
            assertEquals("metrics-loop", MetricsTest.label(s.keySet().stream()
                    .filter(k -> k.startsWith("aio4j_loop_info{loop=\"" + id + "\"")).findFirst().orElseThrow(), "thread"));
        }
    }
}
