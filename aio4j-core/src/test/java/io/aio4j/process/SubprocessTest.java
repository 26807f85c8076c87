package io.aio4j.process;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.aio4j.Aio;
import io.aio4j.net.NoSuchFileOrDirectoryException;
import io.aio4j.testing.Binaries;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(30)
class SubprocessTest {

    @BeforeEach
    void needShell() {
        Binaries.require("sh", "cat", "true", "sleep");
    }

    static String text(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }

    @Test
    void execReadsStdoutAndStderrSeparately() {
        Output out = Aio.run(() -> Subprocess.exec("sh", "-c", "echo out; echo err >&2").communicate(null));
        assertEquals("out\n", text(out.stdout()));
        assertEquals("err\n", text(out.stderr()));
    }

    @Test
    void shellRunsTheCommandWithBinSh() {
        int[] code = new int[1];
        Output out = Aio.run(() -> {
            Subprocess p = Subprocess.shell("echo $((6 * 7)) | cat");
            Output o = p.communicate(null);
            code[0] = p.returncode();
            return o;
        });
        assertEquals("42\n", text(out.stdout()));
        assertEquals(0, code[0]);
    }

    @Test
    void communicateFeedsStdinAndCollectsEverything() {
        byte[] input = "hello\nworld\n".getBytes(StandardCharsets.UTF_8);
        Output out = Aio.run(() -> Subprocess.exec("cat").communicate(input));
        assertArrayEquals(input, out.stdout());
        assertEquals(0, out.stderr().length);
    }

    @Test
    void communicateDoesNotDeadlockOnOutputLargerThanThePipes() {
        byte[] input = new byte[8 << 20];
        new java.util.Random(7).nextBytes(input);
        Output out = Aio.run(() -> Subprocess.exec("sh", "-c", "cat; cat /dev/null >&2").communicate(input));
        assertArrayEquals(input, out.stdout());
    }

    @Test
    void streamsAreNullUnlessPiped() {
        Aio.run(() -> {
            Subprocess p = Subprocess.exec(Subprocess.options().stdin(Redirect.DEVNULL).stdout(Redirect.PIPE)
                    .stderr(Redirect.DEVNULL), "sh", "-c", "cat; echo gone >&2");
            assertNull(p.stdin());
            assertNull(p.stderr());
            assertEquals(0, p.stdout().read().length); // stdin is /dev/null: cat ends at once
            assertEquals(0, p.waitFor());
            return null;
        });
    }

    @Test
    void stderrToStdoutMergesThem() {
        Output out = Aio.run(() -> Subprocess.exec(Subprocess.options().stderr(Redirect.STDOUT),
                "sh", "-c", "echo one; echo two >&2; echo three").communicate(null));
        assertEquals("one\ntwo\nthree\n", text(out.stdout()));
        assertNull(out.stderr());
    }

    @Test
    void cwdAndEnvAreTheChildsOwn(@TempDir Path dir) throws Exception {
        String real = dir.toRealPath().toString();
        Output out = Aio.run(() -> Subprocess.exec(Subprocess.options().cwd(dir).env(Map.of("GREETING", "hi")),
                "/bin/sh", "-c", "pwd; echo $GREETING; echo ${HOME:-nohome}").communicate(null));
        assertEquals(real + "\nhi\nnohome\n", text(out.stdout()));
    }

    @Test
    void aCrashedChildReportsItsExitCode() {
        int code = Aio.run(() -> {
            Subprocess p = Subprocess.shell("echo oops >&2; exit 3");
            Output o = p.communicate(null);
            assertEquals("oops\n", text(o.stderr()));
            return p.waitFor();
        });
        assertEquals(3, code);
    }

    @Test
    void aKilledChildReturnsMinusNine() {
        Aio.run(() -> {
            Subprocess p = Subprocess.exec("sleep", "30");
            assertNull(p.returncode());
            p.kill();
            assertEquals(-9, p.waitFor());
            assertEquals(-9, p.returncode());
            return null;
        });
    }

    @Test
    void terminateAndSendSignalGiveMinusTheSignal() {
        Binaries.require("kill", "sleep");
        Aio.run(() -> {
            Subprocess t = Subprocess.exec("sleep", "30");
            t.terminate();
            assertEquals(-Signals.SIGTERM, t.waitFor());
            Subprocess h = Subprocess.exec("sleep", "30");
            h.sendSignal(Signals.SIGHUP);
            assertEquals(-Signals.SIGHUP, h.waitFor());
            return null;
        });
    }

    @Test
    void anExitCodeAbove128IsKeptWhenNoSignalWasSent() {
        assertEquals(137, (int) Aio.run(() -> Subprocess.shell("exit 137").waitFor()));
    }

    @Test
    void signalsAfterTheChildIsReapedThrowAndInvalidOnesAreRejected() {
        Aio.run(() -> {
            Subprocess p = Subprocess.exec("true");
            assertEquals(0, p.waitFor());
            // As in asyncio (ProcessLookupError): the child is gone and reaped.
            var gone = assertThrows(IllegalStateException.class, p::kill);
            assertTrue(gone.getMessage().startsWith("No such process"), gone.getMessage());
            var e = assertThrows(IllegalArgumentException.class, () -> p.sendSignal(0));
            assertEquals("invalid signal number 0", e.getMessage());
            assertThrows(IllegalArgumentException.class, () -> p.sendSignal(65));
            return null;
        });
    }

    @Test
    void aMissingProgramIsFileNotFound() {
        assertThrows(NoSuchFileOrDirectoryException.class,
                () -> Aio.run(() -> Subprocess.exec("/nonexistent/aio4j-no-such-program")));
    }

    @Test
    void aChildThatExitsWithoutReadingStdinDoesNotFailCommunicate() {
        byte[] input = new byte[1 << 20];
        Output out = Aio.run(() -> Subprocess.exec("sh", "-c", "echo bye").communicate(input));
        assertEquals("bye\n", text(out.stdout()));
    }

    @Test
    void writingAfterTheChildClosedItsStdinFailsDrain() {
        Aio.run(() -> {
            // The child closes its stdin, says so, and lives on.
            Subprocess p = Subprocess.shell("exec 0<&-; echo closed; exec sleep 30");
            assertEquals("closed\n", text(p.stdout().readLine()));
            RuntimeException e = assertThrows(RuntimeException.class, () -> {
                for (int i = 0; i < 100; i++) {
                    p.stdin().write(new byte[64 * 1024]);
                    p.stdin().drain();
                }
            });
            assertTrue(e instanceof io.aio4j.net.BrokenPipeException
                    || e instanceof io.aio4j.net.ConnectionResetException, e.toString());
            p.kill();
            assertEquals(-9, p.waitFor());
            return null;
        });
    }

    @Test
    void readLineHonoursTheLimit() {
        Aio.run(() -> {
            Subprocess p = Subprocess.exec(Subprocess.options().limit(16), "sh", "-c", "echo short; echo 0123456789012345678901234567890");
            assertEquals("short\n", text(p.stdout().readLine()));
            assertThrows(IllegalArgumentException.class, () -> p.stdout().readLine());
            p.stdout().read();
            assertEquals(0, p.waitFor());
            return null;
        });
    }

    @Test
    void optionsRejectStdoutForStdinAndStdout() {
        var e = assertThrows(IllegalArgumentException.class, () -> Subprocess.options().stdin(Redirect.STDOUT));
        assertEquals("Redirect.STDOUT is only valid for stderr, not for stdin", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Subprocess.options().stdout(Redirect.STDOUT));
        assertThrows(IllegalArgumentException.class, () -> Subprocess.options().limit(0));
    }

    @Test
    void toStringNamesThePid() {
        Aio.run(() -> {
            Subprocess p = Subprocess.exec("true");
            assertEquals("<Process " + p.pid() + ">", p.toString());
            p.waitFor();
            return null;
        });
    }

    /** Byte {@code i} of the test stream: a pattern that a lost, doubled or reordered chunk breaks. */
    static byte patternByte(long i) {
        return (byte) ((i * 31) ^ (i >>> 13));
    }

    @Test
    @Timeout(120)
    void hundredMebibytesThroughCatBothWaysAtOnceLoseNoByte() {
        long total = 100L << 20;
        long received = Aio.run(() -> {
            Subprocess cat = Subprocess.exec(Subprocess.options().stderr(Redirect.DEVNULL), "cat");
            var writer = Aio.createTask(() -> {
                byte[] chunk = new byte[1 << 20];
                for (long off = 0; off < total; off += chunk.length) {
                    for (int j = 0; j < chunk.length; j++) {
                        chunk[j] = patternByte(off + j);
                    }
                    cat.stdin().write(chunk);
                    cat.stdin().drain();
                }
                cat.stdin().close();
                return null;
            });
            long n = 0;
            while (true) {
                byte[] b = cat.stdout().read(1 << 20);
                if (b.length == 0) {
                    break;
                }
                for (byte x : b) {
                    if (x != patternByte(n)) {
                        throw new AssertionError("byte " + n + " differs");
                    }
                    n++;
                }
            }
            Aio.await(writer);
            assertEquals(0, cat.waitFor());
            return n;
        });
        assertEquals(total, received);
    }

    @Test
    void noFileDescriptorIsLeaked() throws Exception {
        Binaries.require("sleep");
        // Warm up: the first child opens the JDK's own descriptors (jspawnhelper, the reaper...).
        Aio.run(() -> Subprocess.exec("true").communicate(null));
        int before = Binaries.openFileDescriptors();
        org.junit.jupiter.api.Assumptions.assumeTrue(before > 0, "no /proc/self/fd");
        Aio.run(() -> {
            for (int i = 0; i < 20; i++) {
                Subprocess.shell("echo " + i + "; echo x >&2").communicate("in".getBytes());
                Subprocess killed = Subprocess.exec("sleep", "30");
                killed.kill();
                killed.waitFor();
            }
            return null;
        });
        int after = before;
        for (int i = 0; i < 200; i++) {  // closes by the JDK's reaper threads may still be on their way
            after = Binaries.openFileDescriptors();
            if (after <= before) {
                break;
            }
            Thread.sleep(10);
        }
        assertTrue(after <= before, "open descriptors: " + before + " before, " + after + " after");
    }
}
