package io.aio4j.examples;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class ConcurrencyTest {

    @Test
    @Timeout(30)
    void theTourRunsTasksConcurrentlyAndShowsCancellation() {
        PrintStream saved = System.out;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
        try {
            Concurrency.main(new String[0]);
        } finally {
            System.setOut(saved);
        }
        String out = buf.toString(StandardCharsets.UTF_8);
        // toast (0.1 s) finishes before coffee (0.3 s) although it started after it: the tasks overlapped.
        assertTrue(out.indexOf("done  toast") < out.indexOf("done  coffee"), out);
        assertTrue(out.contains("ran on aio4j-executor-"), out);
        assertTrue(out.contains("sleeper cancelled: not needed any more"), out);
        assertTrue(out.contains("<Task cancelled name="), out);
    }
}
