package io.aio4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * DESIGN.md §1's hazard: the JDK's NIO poller starts its sub-pollers as virtual threads of
 * whichever thread first does socket I/O. If that is a loop-scheduled task, the sub-pollers
 * are scheduled by its loop, and once the loop stops every later blocking socket of a virtual
 * thread in the JVM hangs. aio4j initialises the poller off the loop; this test runs the
 * dangerous sequence in a fresh JVM (the poller is initialised once per JVM).
 */
class NioPollerHazardTest {

    /** The child JVM: a task does the JVM's first socket I/O, the loop stops, then a virtual thread uses a socket. */
    public static void main(String[] args) throws Exception {
        try (ServerSocket server = new ServerSocket(0, 10, InetAddress.getLoopbackAddress())) {
            Thread acceptor = Thread.ofPlatform().daemon().start(() -> {
                while (true) {
                    try (Socket s = server.accept()) {
                        s.getOutputStream().write(s.getInputStream().readNBytes(4));
                    } catch (Exception e) {
                        return;
                    }
                }
            });
            int port = server.getLocalPort();
            String first = Aio.run(() -> roundTrip(port));
            String[] later = new String[1];
            Thread vt = Thread.ofVirtual().start(() -> {
                try {
                    later[0] = roundTrip(port);
                } catch (Exception e) {
                    later[0] = e.toString();
                }
            });
            if (!vt.join(java.time.Duration.ofSeconds(10))) {
                System.out.println("HUNG");
                System.exit(3);
            }
            System.out.println(first + " " + later[0]);
            acceptor.interrupt();
        }
    }

    private static String roundTrip(int port) throws Exception {
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
            OutputStream out = s.getOutputStream();
            InputStream in = s.getInputStream();
            out.write("ping".getBytes(StandardCharsets.US_ASCII));
            return new String(in.readNBytes(4), StandardCharsets.US_ASCII);
        }
    }

    @Test
    @Timeout(60)
    void aVirtualThreadsSocketStillWorksAfterATaskDidTheFirstSocketIoAndItsLoopStopped() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = new ArrayList<>(List.of(java));
        if ("native".equals(System.getProperty("aio4j.expectMode"))) {
            cmd.add("--add-opens");
            cmd.add("java.base/java.lang=ALL-UNNAMED");
        }
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), NioPollerHazardTest.class.getName()));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        byte[] out = p.getInputStream().readAllBytes();
        assertTrue(p.waitFor(30, TimeUnit.SECONDS), "child JVM finished");
        String text = new String(out, StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), text);
        assertTrue(text.contains("ping ping"), text);
    }
}
