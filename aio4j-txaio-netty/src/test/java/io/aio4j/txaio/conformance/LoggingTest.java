package io.aio4j.txaio.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.aio4j.txaio.ILogger;
import io.aio4j.txaio.TxApi;
import io.aio4j.txaio.internal.log.LogSystem;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * txaio's test_logging: levels, placeholders, startLogging, categories, and the System.Logger
 * path taken before startLogging.
 */
class LoggingTest {
    private static final String NL = System.lineSeparator();
    private static final String STAMP = "2026-11-22T01:54:16+0000 ";

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

    @BeforeEach
    void freshLogState() {
        LogSystem.resetForTests(Clock.fixed(Instant.parse("2026-11-22T01:54:16Z"), ZoneOffset.UTC));
    }

    @AfterEach
    void restoreLogState() {
        LogSystem.resetForTests(Clock.systemDefaultZone());
    }

    private String written() {
        return bytes.toString(StandardCharsets.UTF_8);
    }

    record Point(int x, int y) {
    }

    @EachBackend
    void linesCarryATimestampThenTheMessage(Harness h) {
        TxApi tx = h.api();
        tx.startLogging(out, "info");
        tx.makeLogger().info("hello {who}", "who", "world");
        assertEquals(STAMP + "hello world" + NL, written());
    }

    @EachBackend
    void placeholdersReachIntoObjectsListsAndMaps(Harness h) {
        TxApi tx = h.api();
        tx.startLogging(out, "info");
        ILogger log = tx.makeLogger();
        log.info("{p.x},{p.y} {items[2]} {things[one]} {nested[k][1]} {{literal}}",
                "p", new Point(3, 4), "items", List.of("a", "b", "c"),
                "things", Map.of("one", 1), "nested", Map.of("k", List.of(10, 20)));
        assertEquals(STAMP + "3,4 c 1 20 {literal}" + NL, written());
    }

    @EachBackend
    void unresolvablePlaceholdersArePrintedAsWritten(Harness h) {
        TxApi tx = h.api();
        tx.startLogging(out, "info");
        tx.makeLogger().info("{missing} {p.z} {items[9]} {things[two]} {} {open", "p", new Point(1, 2),
                "items", List.of(), "things", Map.of());
        assertEquals(STAMP + "{missing} {p.z} {items[9]} {things[two]} {} {open" + NL, written());
    }

    @EachBackend
    void addedKeysCanBeUsedInTheFormat(Harness h) {
        TxApi tx = h.api();
        tx.startLogging(out, "debug");
        ILogger log = tx.makeLogger("my.space");
        log.debug("{log_level} {log_namespace} {log_time}");
        assertEquals(STAMP + "debug my.space 2026-11-22T01:54:16Z" + NL, written());
    }

    @EachBackend
    void disabledLevelsAreNoOpsAndFormatNothing(Harness h) {
        TxApi tx = h.api();
        tx.startLogging(out, "debug");
        int[] formatted = {0};
        Object expensive = new Object() {
            @Override
            public String toString() {
                formatted[0]++;
                return "costly";
            }
        };
        ILogger log = tx.makeLogger();
        log.trace("{x}", "x", expensive);
        assertEquals(0, formatted[0]);
        assertEquals("", written());
        log.debug("{x}", "x", expensive);
        assertEquals(1, formatted[0]);
        assertEquals(STAMP + "costly" + NL, written());
    }

    @EachBackend
    void everyLevelMethodEmitsAtItsLevel(Harness h) {
        TxApi tx = h.api();
        tx.startLogging(out, "trace");
        ILogger log = tx.makeLogger();
        log.critical("{log_level}");
        log.error("{log_level}");
        log.warn("{log_level}");
        log.info("{log_level}");
        log.debug("{log_level}");
        log.trace("{log_level}");
        log.emit("warn", "emitted {log_level}");
        assertEquals(String.join("", List.of("critical", "error", "warn", "info", "debug", "trace", "emitted warn")
                .stream().map(s -> STAMP + s + NL).toList()), written());
    }

    @EachBackend
    void globalLevelChangesWhatIsEmittedBothWays(Harness h) {
        TxApi tx = h.api();
        tx.startLogging(out, "info");
        ILogger log = tx.makeLogger();
        assertEquals("info", tx.getGlobalLogLevel());
        tx.setGlobalLogLevel("error");
        log.warn("hidden");
        tx.setGlobalLogLevel("trace");
        log.trace("shown");
        assertEquals("trace", tx.getGlobalLogLevel());
        assertEquals(STAMP + "shown" + NL, written());
    }

    @EachBackend
    void noneSilencesEverything(Harness h) {
        TxApi tx = h.api();
        tx.startLogging(out, "none");
        ILogger log = tx.makeLogger();
        log.critical("nothing");
        log.emit("none", "nothing either");
        assertEquals("", written());
        assertEquals("none", tx.getGlobalLogLevel());
    }

    @EachBackend
    void invalidLevelsAreRejectedWithTheListOfValidOnes(Harness h) {
        TxApi tx = h.api();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> tx.startLogging(out, "x"));
        assertEquals("Invalid log level 'x'; valid are: none, critical, error, warn, info, debug, trace", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> tx.setGlobalLogLevel("loud"));
        assertThrows(IllegalArgumentException.class, () -> tx.makeLogger().emit("verbose", "m"));
    }

    @EachBackend
    void startingTwiceKeepsTheFirstButStillValidatesTheLevel(Harness h) {
        TxApi tx = h.api();
        ByteArrayOutputStream other = new ByteArrayOutputStream();
        tx.startLogging(out, "info");
        tx.startLogging(new PrintStream(other, true, StandardCharsets.UTF_8), "trace");
        assertThrows(IllegalArgumentException.class, () -> tx.startLogging(out, "bogus"));
        ILogger log = tx.makeLogger();
        log.debug("hidden");
        log.info("first stream");
        assertEquals(STAMP + "first stream" + NL, written());
        assertEquals(0, other.size());
    }

    @EachBackend
    void categoriesReplaceTheFormatAndLaterAdditionsWin(Harness h) {
        TxApi tx = h.api();
        tx.startLogging(out, "info");
        tx.addLogCategories(Map.of("AR001", "router {name} started"));
        ILogger log = tx.makeLogger();
        log.info("ignored", "log_category", "AR001", "name", "r1");
        tx.addLogCategories(Map.of("AR001", "router {name} is up"));
        log.info("ignored", "log_category", "AR001", "name", "r2");
        log.info("own format {name}", "log_category", "unknown", "name", "r3");
        assertEquals(STAMP + "router r1 started" + NL + STAMP + "router r2 is up" + NL + STAMP + "own format r3" + NL,
                written());
    }

    @EachBackend
    void loggerNamespaceIsTheCallingClass(Harness h) {
        TxApi tx = h.api();
        assertEquals(LoggingTest.class.getName(), tx.makeLogger().namespace());
        assertEquals("given", tx.makeLogger("given").namespace());
        assertThrows(IllegalArgumentException.class, () -> tx.makeLogger(""));
    }

    @EachBackend
    void badKeyValuesAreRejectedWhenEmitted(Harness h) {
        TxApi tx = h.api();
        tx.startLogging(out, "info");
        ILogger log = tx.makeLogger();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> log.info("{a}", "a"));
        assertEquals("keyValues must alternate keys and values: odd length 1", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> log.info("{a}", 1, "a"));
    }

    @EachBackend
    void withoutStartLoggingRecordsGoToSystemLoggerAndNotToStdout(Harness h) {
        TxApi tx = h.api();
        String namespace = "io.aio4j.txaio.conformance.quiet." + h.backend();
        Logger jul = Logger.getLogger(namespace);
        List<String> received = new ArrayList<>();
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                received.add(record.getLevel() + " " + record.getMessage());
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        jul.setUseParentHandlers(false);
        jul.addHandler(handler);
        PrintStream stdout = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            ILogger log = tx.makeLogger(namespace);
            log.warn("careful {what}", "what", "now");
            log.debug("below the default level");
        } finally {
            System.setOut(stdout);
            jul.removeHandler(handler);
        }
        assertEquals(List.of("WARNING careful now"), received);
        assertEquals(0, captured.size());
        assertTrue(tx.getGlobalLogLevel().equals("info"));
    }

    @EachBackend
    void afterStartLoggingJulAndSystemLoggerRecordsShareTheStream(Harness h) {
        TxApi tx = h.api();
        tx.startLogging(out, "debug");
        Logger.getLogger("roy").info("Python stdlib message: txaio was here");
        System.getLogger("roy").log(System.Logger.Level.DEBUG, "system logger {0}", "debug");
        Logger.getLogger("roy").finest("too fine for debug");
        String text = written();
        assertTrue(text.contains("+0000 Python stdlib message: txaio was here" + NL), text);
        assertTrue(text.contains("system logger debug" + NL), text);
        assertTrue(!text.contains("too fine"), text);
    }
}
