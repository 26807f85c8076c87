package io.aio4j.internal.debug;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.aio4j.Aio;
import io.aio4j.EventLoop;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class TaskDumpSignalTest {

    @Test
    void signalPrintsTheTaskDumpToStderr() throws Exception {
        PrintStream previous = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        EventLoop loop = Aio.newEventLoop();
        try {
            System.setProperty(TaskDumpSignal.PROPERTY, "USR1");
            TaskDumpSignal.installFromProperty();
            loop.createTask(() -> "queued", "waiting-for-signal");
            System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
            Process kill = new ProcessBuilder("kill", "-USR1", Long.toString(ProcessHandle.current().pid())).start();
            assertTrue(kill.waitFor(10, TimeUnit.SECONDS) && kill.exitValue() == 0);
            while (!captured.toString(StandardCharsets.UTF_8).contains("* waiting-for-signal")) {
                Thread.sleep(10);
            }
        } finally {
            System.setErr(previous);
            System.clearProperty(TaskDumpSignal.PROPERTY);
            loop.runUntilComplete(Aio.async(() -> null));
            loop.close();
        }
        assertTrue(captured.toString(StandardCharsets.UTF_8).contains("Tasks of " + "<SelectorEventLoop#"));
    }
}
