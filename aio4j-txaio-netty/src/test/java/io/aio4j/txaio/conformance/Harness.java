package io.aio4j.txaio.conformance;

import io.aio4j.txaio.Backend;
import io.aio4j.txaio.TxApi;
import java.util.List;

/**
 * One backend under test, on a clock the test drives: the same conformance test runs on each.
 */
interface Harness extends AutoCloseable {

    Backend backend();

    /** The API under test, bound to this harness's loop. */
    TxApi api();

    /** Runs every callback and timer that is due now, including those they schedule. */
    void runPending();

    /** Moves the loop clock forward, running each timer when it is due. */
    void advance(double seconds);

    /** The loop clock, in seconds. */
    double now();

    /** The exceptions that reached the loop's exception handler. */
    List<Throwable> errors();

    /** How many real loop timers are scheduled and neither ran nor were cancelled. */
    int liveTimers();

    @Override
    void close();
}
