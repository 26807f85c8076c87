package io.aio4j.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.aio4j.Aio;
import io.aio4j.EventLoop;
import io.aio4j.Future;
import io.aio4j.testing.Binaries;
import io.aio4j.testing.LogCapture;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class SubprocessTransportTest {

    /** Records every protocol call, and completes {@code done} at connectionLost. */
    static final class Recorder implements SubprocessProtocol {
        final List<String> events = new ArrayList<>();
        final StringBuilder out = new StringBuilder();
        final Future<Void> done;
        SubprocessTransport transport;

        Recorder(EventLoop loop) {
            done = loop.createFuture();
        }

        @Override
        public void connectionMade(SubprocessTransport t) {
            transport = t;
            events.add("connectionMade");
        }

        @Override
        public void pipeDataReceived(int fd, ByteBuffer data) {
            out.append(fd).append(':').append(StandardCharsets.UTF_8.decode(data));
        }

        @Override
        public void pipeConnectionLost(int fd, Throwable error) {
            events.add("pipeConnectionLost " + fd + " " + error);
        }

        @Override
        public void processExited() {
            events.add("processExited " + transport.returncode());
        }

        @Override
        public void connectionLost(Throwable error) {
            events.add("connectionLost " + error);
            done.setResult(null);
        }
    }

    @BeforeEach
    void needShell() {
        Binaries.require("sh", "sleep", "cat");
    }

    @Test
    void protocolHearsConnectionMadeFirstAndConnectionLostLast() {
        Aio.run(() -> {
            EventLoop loop = Aio.getRunningLoop();
            Recorder r = new Recorder(loop);
            SubprocessTransport t = Aio.await(loop.subprocessExec(() -> r, Subprocess.options()
                    .stdin(Redirect.DEVNULL), "sh", "-c", "echo hi; echo err >&2; exit 5"));
            assertEquals(List.of("connectionMade"), r.events);
            assertEquals(r, t.protocol());
            assertNull(t.pipeTransport(0));
            assertNotNull(t.pipeTransport(1));
            Aio.await(r.done);
            assertEquals("connectionLost null", r.events.get(r.events.size() - 1));
            assertTrue(r.events.contains("processExited 5"), r.events.toString());
            assertTrue(r.events.contains("pipeConnectionLost 1 null"), r.events.toString());
            assertTrue(r.events.contains("pipeConnectionLost 2 null"), r.events.toString());
            assertEquals(5, r.events.size());
            assertTrue(r.out.toString().contains("1:hi\n") && r.out.toString().contains("2:err\n"), r.out.toString());
            assertEquals(5, t.returncode());
            t.close();
        });
    }

    @Test
    void shellRunsTheCommandStringAndEmptyArgvIsRejected() {
        Aio.run(() -> {
            EventLoop loop = Aio.getRunningLoop();
            Recorder r = new Recorder(loop);
            Aio.await(loop.subprocessShell(() -> r, Subprocess.options(), "echo a b"));
            Aio.await(r.done);
            assertEquals("1:a b\n", r.out.toString());
            assertThrows(IllegalArgumentException.class, () -> loop.subprocessExec(() -> r, Subprocess.options()));
        });
    }

    @Test
    void closingARunningChildKillsItAndWarnsInDebugMode() {
        Binaries.require("sleep");
        try (LogCapture log = new LogCapture()) {
            String[] repr = new String[1];
            Aio.run(() -> {
                EventLoop loop = Aio.getRunningLoop();
                Recorder r = new Recorder(loop);
                SubprocessTransport t = Aio.await(loop.subprocessExec(() -> r, Subprocess.options(), "sleep", "30"));
                repr[0] = t.toString();
                t.close();
                assertTrue(t.isClosing());
                Aio.await(r.done);
                assertEquals(-9, t.returncode());
                var e = assertThrows(IllegalStateException.class, t::kill);
                assertTrue(e.getMessage().startsWith("No such process"), e.getMessage());
            }, Aio.options().debug(true));
            List<String> lines = log.lines();
            assertTrue(lines.contains("FINE: execute program 'sleep' stdin=<pipe> stdout=<pipe> stderr=<pipe>"),
                    lines.toString());
            assertTrue(lines.stream().anyMatch(l -> l.matches("FINE: process 'sleep' created: pid \\d+")),
                    lines.toString());
            assertTrue(lines.contains("INFO: execute program 'sleep' stdin=<pipe> stdout=<pipe> stderr=<pipe>: "
                    + repr[0]), lines.toString());
            assertTrue(lines.stream().anyMatch(l -> l.startsWith("WARNING: Close running child process: kill "
                    + "<SubprocessTransport closed pid=")), lines.toString());
            assertTrue(lines.stream().anyMatch(l -> l.matches("INFO: <SubprocessTransport closed pid=\\d+ "
                    + "returncode=-9 .*> exited with return code -9")), lines.toString());
        }
    }

    @Test
    void debugModeLogsShellCommandsAndCommunicate() {
        Binaries.require("cat");
        try (LogCapture log = new LogCapture()) {
            long[] pid = new long[1];
            Aio.run(() -> {
                Subprocess p = Subprocess.shell(Subprocess.options().stderr(Redirect.STDOUT), "cat");
                pid[0] = p.pid();
                p.communicate("hello".getBytes(StandardCharsets.UTF_8));
            }, Aio.options().debug(true));
            List<String> lines = log.lines();
            String proc = "<Process " + pid[0] + ">";
            assertTrue(lines.contains("FINE: run shell command 'cat' stdin=<pipe> stdout=stderr=<pipe>"),
                    lines.toString());
            assertTrue(lines.contains("FINE: process 'cat' created: pid " + pid[0]), lines.toString());
            for (String l : List.of("feed stdin (5 bytes)", "close stdin", "read stdout", "close stdout")) {
                assertTrue(lines.contains("FINE: " + proc + " communicate: " + l), l + " in " + lines);
            }
            assertTrue(lines.stream().anyMatch(l -> l.endsWith("exited with return code 0")), lines.toString());
        }
    }

    @Test
    void outsideDebugModeNothingIsLogged() {
        try (LogCapture log = new LogCapture()) {
            Aio.run(() -> Subprocess.shell("exit 0").waitFor());
            assertTrue(log.lines().stream().noneMatch(l -> l.contains("process")), log.lines().toString());
        }
    }
}
