package io.aio4j.soak;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.aio4j.testing.Bounded;
import io.aio4j.testing.Modes;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Ten thousand concurrent connections on one loop. Each side needs a descriptor per connection, more
 * than the usual soft limit of 1024, and a JVM cannot raise its own: so the server and the clients
 * each run in a child JVM started as {@code bash -c 'ulimit -n LIMIT; exec java …'}, in this JVM's
 * mode. Where the hard limit is too low the test is skipped with the reason printed.
 */
@Timeout(value = 30, unit = TimeUnit.MINUTES)
class ManyConnectionsSoakTest {

    /** This process's hard limit on open descriptors, from {@code /proc/self/limits}; -1 when unknown. */
    static long hardDescriptorLimit() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/limits"))) {
                if (line.startsWith("Max open files")) {
                    String hard = line.substring("Max open files".length()).trim().split("\\s+")[1];
                    return "unlimited".equals(hard) ? Long.MAX_VALUE : Long.parseLong(hard);
                }
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        return -1;
    }

    /** A child JVM running {@link ManyConnectionsChild} with {@code args}, its descriptor limit raised. */
    static Process child(long fdLimit, String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of("bash", "-c", "ulimit -n " + fdLimit + " && exec \"$@\"", "bash",
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xss1m",
                "-Daio4j.soak=" + System.getProperty("aio4j.soak", "short")));
        if (Modes.nativeMode()) {
            cmd.add("--add-opens");
            cmd.add("java.base/java.lang=ALL-UNNAMED");
        } else {
            cmd.add("-Daio4j.mode=compat");
        }
        cmd.addAll(List.of("-cp", System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")),
                ManyConnectionsChild.class.getName()));
        cmd.addAll(List.of(args));
        return new ProcessBuilder(cmd).redirectErrorStream(true).start();
    }

    /** Copies the child's lines to this JVM's output, prefixed, and collects them. */
    static CompletableFuture<List<String>> lines(Process p, String name, CompletableFuture<Integer> port) {
        return CompletableFuture.supplyAsync(() -> {
            List<String> all = new ArrayList<>();
            try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    all.add(line);
                    if (line.startsWith("port=") && port != null) {
                        port.complete(Integer.parseInt(line.substring(5)));
                    } else {
                        System.out.println(line.startsWith("soak:") ? line : name + ": " + line);
                    }
                }
            } catch (IOException e) {
                all.add(e.toString());
            }
            if (port != null) {
                port.completeExceptionally(new AssertionError("the server child printed no port: " + all));
            }
            return all;
        }, r -> Thread.ofPlatform().daemon().start(r));
    }

    @Test
    void tenThousandConcurrentConnectionsOnOneLoop() throws Exception {
        int n = Soak.size(10_000, 300);
        long need = n + 512L;
        long hard = hardDescriptorLimit();
        if (hard >= 0 && hard < need) {
            String reason = "the hard descriptor limit is " + hard + ", " + n + " connections need " + need;
            System.out.println("soak: scenario=many-connections mode=" + Soak.mode() + " skipped reason=\"" + reason + "\"");
            Assumptions.abort(reason);
        }
        Bounded.run(Soak.limit(), () -> {
            Process server = child(need, "server", Integer.toString(n));
            Process client = null;
            try {
                CompletableFuture<Integer> port = new CompletableFuture<>();
                CompletableFuture<List<String>> serverOut = lines(server, "server", port);
                client = child(need, "client", Integer.toString(port.get(2, TimeUnit.MINUTES)), Integer.toString(n));
                CompletableFuture<List<String>> clientOut = lines(client, "client", null);
                assertEquals(0, client.waitFor(), "the client child's exit code; it printed " + clientOut.join());
                assertEquals(0, server.waitFor(), "the server child's exit code; it printed " + serverOut.join());
                assertTrue(serverOut.join().stream().anyMatch(l -> l.contains("peakConcurrent=" + n + " ")));
            } finally {
                server.destroyForcibly();
                if (client != null) {
                    client.destroyForcibly();
                }
            }
        });
    }
}
