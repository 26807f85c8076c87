package io.aio4j.examples.debug;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.logging.ConsoleHandler;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Routes java.util.logging (where {@code System.getLogger("aio4j")} goes by default) to stderr as
 * Python's {@code logging.basicConfig(format='%(levelname)7s: %(message)s')} prints it, level
 * names included: FINE is DEBUG, SEVERE is ERROR.
 */
final class PythonStyleLogging extends Formatter {
    private PythonStyleLogging() {
    }

    /** Everything from DEBUG up goes to stderr, one {@code levelname: message} line per record. */
    static void install() {
        Logger root = Logger.getLogger("");
        for (Handler h : root.getHandlers()) {
            root.removeHandler(h);
        }
        ConsoleHandler stderr = new ConsoleHandler();
        stderr.setLevel(Level.FINE);
        stderr.setFormatter(new PythonStyleLogging());
        root.addHandler(stderr);
        root.setLevel(Level.FINE);
    }

    @Override
    public String format(LogRecord r) {
        String trace = "";
        if (r.getThrown() != null) {
            StringWriter sw = new StringWriter();
            r.getThrown().printStackTrace(new PrintWriter(sw));
            trace = "\n" + sw.toString().stripTrailing();
        }
        return String.format("%7s: %s%s%n", levelName(r.getLevel()), formatMessage(r), trace);
    }

    private static String levelName(Level level) {
        if (level.intValue() >= Level.SEVERE.intValue()) {
            return "ERROR";
        }
        if (level.intValue() >= Level.WARNING.intValue()) {
            return "WARNING";
        }
        if (level.intValue() >= Level.INFO.intValue()) {
            return "INFO";
        }
        return "DEBUG";
    }
}
