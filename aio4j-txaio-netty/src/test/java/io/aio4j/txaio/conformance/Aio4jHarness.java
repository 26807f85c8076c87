package io.aio4j.txaio.conformance;

import io.aio4j.Aio;
import io.aio4j.EventLoop;
import io.aio4j.Future;
import io.aio4j.txaio.Backend;
import io.aio4j.txaio.TxApi;
import io.aio4j.txaio.internal.RealTxApi;
import io.aio4j.txaio.internal.aio4j.Aio4jDriver;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The aio4j backend on a real event loop run by the test thread. The core has no virtual-time
 * loop yet, so time is real but sped up ({@link #SPEED}× through {@link ScaledDriver}): a test's
 * second is 10 ms. {@link #exactTime()} is false: assertions about what has run at a given moment
 * are skipped here, while "never before its due time" and "eventually" are still checked.
 */
final class Aio4jHarness implements Harness {
    static final long SPEED = 100;
    private static final int IDLE_HOPS = 64;

    private final EventLoop loop = Aio.newEventLoop();
    private final List<Throwable> errors = new CopyOnWriteArrayList<>();
    private final CountingDriver driver = new CountingDriver(new ScaledDriver(new Aio4jDriver(loop), SPEED));
    private final TxApi api = new RealTxApi(driver);

    Aio4jHarness() {
        loop.setExceptionHandler((l, context) -> errors.add(context.exception()));
    }

    @Override
    public Backend backend() {
        return Backend.AIO4J;
    }

    @Override
    public TxApi api() {
        return api;
    }

    @Override
    public void runPending() {
        Future<Void> idle = loop.createFuture();
        hop(IDLE_HOPS, idle);
        loop.runUntilComplete(idle);
    }

    private void hop(int remaining, Future<Void> idle) {
        loop.callSoon(() -> {
            if (remaining == 0) idle.setResult(null);
            else hop(remaining - 1, idle);
        });
    }

    @Override
    public void advance(double seconds) {
        Future<Void> reached = loop.createFuture();
        loop.callLater(seconds / SPEED, () -> reached.setResult(null));
        loop.runUntilComplete(reached);
        runPending();
    }

    @Override
    public double now() {
        return driver.nanoTime() / 1e9;
    }

    @Override
    public boolean exactTime() {
        return false;
    }

    @Override
    public List<Throwable> errors() {
        return errors;
    }

    @Override
    public int liveTimers() {
        return driver.liveTimers();
    }

    @Override
    public void close() {
        loop.close();
    }

    @Override
    public String toString() {
        return "aio4j";
    }
}
