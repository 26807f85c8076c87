package io.aio4j.txaio.internal.log;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.System.Logger.Level;
import org.junit.jupiter.api.Test;

class LogLevelTest {

    @Test
    void parsesEveryTxaioName() {
        for (String name : new String[] {"none", "critical", "error", "warn", "info", "debug", "trace"}) {
            assertEquals(name, LogLevel.parse(name).toString());
        }
    }

    @Test
    void unknownNamesGetTheExactMessage() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> LogLevel.parse("INFO"));
        assertEquals("Invalid log level 'INFO'; valid are: none, critical, error, warn, info, debug, trace", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> LogLevel.parse(null));
    }

    @Test
    void aLevelEnablesItselfAndEverythingMoreSevere() {
        assertTrue(LogLevel.INFO.enables(LogLevel.CRITICAL));
        assertTrue(LogLevel.INFO.enables(LogLevel.INFO));
        assertFalse(LogLevel.INFO.enables(LogLevel.DEBUG));
        assertFalse(LogLevel.NONE.enables(LogLevel.CRITICAL));
        assertFalse(LogLevel.TRACE.enables(LogLevel.NONE));
    }

    @Test
    void mapsToSystemLoggerLevels() {
        assertEquals(Level.ERROR, LogLevel.CRITICAL.systemLevel());
        assertEquals(Level.WARNING, LogLevel.WARN.systemLevel());
        assertEquals(Level.TRACE, LogLevel.TRACE.systemLevel());
    }
}
