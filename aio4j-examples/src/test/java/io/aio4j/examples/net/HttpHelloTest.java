package io.aio4j.examples.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.aio4j.Aio;
import io.aio4j.net.Server;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class HttpHelloTest {

    private static boolean curlInstalled() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, "curl"))) {
                return true;
            }
        }
        return false;
    }

    @Test
    void curlGetsHelloWorldTwiceOverOneKeptAliveConnection() {
        boolean curl = curlInstalled();
        if (!curl) {
            System.out.println("skipped: curl is not installed");
        }
        assumeTrue(curl, "skipped: curl is not installed");
        String out = Aio.run(() -> {
            Server server = HttpHello.start("127.0.0.1", 0);
            int port = ((InetSocketAddress) server.sockets().get(0)).getPort();
            String url = "http://127.0.0.1:" + port + "/";
            String result = Aio.toThread(() -> {
                Process p = new ProcessBuilder("curl", "-sS", "-v", url, url).redirectErrorStream(true).start();
                String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                p.waitFor(30, TimeUnit.SECONDS);
                return text;
            });
            server.close();
            return result;
        });
        assertEquals(2, out.split("Hello, World!", -1).length - 1, out);
        assertTrue(out.contains("< HTTP/1.1 200 OK"), out);
        assertTrue(out.contains("Re-using existing connection") || out.contains("Reusing existing connection"), out);
    }
}
