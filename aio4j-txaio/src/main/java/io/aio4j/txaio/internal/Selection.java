package io.aio4j.txaio.internal;

import io.aio4j.txaio.Backend;
import io.aio4j.txaio.TxApi;

/**
 * The process-wide backend selected with {@code Txaio.useX()}.
 */
public final class Selection {
    private static final String NOT_SELECTED =
            "To use txaio, you must first select a framework with useAio4j(), useNetty() or useJdk()";

    private static volatile TxApi selected;

    private Selection() {
    }

    /** Selects {@code backend}; harmless if it is selected already. */
    public static synchronized void use(Backend backend) {
        Checks.notNull(backend, "backend");
        TxApi current = selected;
        if (current != null) {
            if (current.backend() == backend) {
                return;
            }
            throw new IllegalStateException("Explicitly using '" + current.backend() + "' already");
        }
        selected = new RealTxApi(Drivers.forBackend(backend));
    }

    /** Returns true if {@code backend} is the selected one. */
    public static boolean using(Backend backend) {
        TxApi current = selected;
        return current != null && current.backend() == backend;
    }

    /** Returns the API of the selected backend, or throws if none is selected. */
    public static TxApi selected() {
        TxApi current = selected;
        if (current == null) {
            throw new IllegalStateException(NOT_SELECTED);
        }
        return current;
    }

    /** Forgets the selection, as in a fresh process; for tests only. */
    public static synchronized void resetForTests() {
        selected = null;
    }
}
