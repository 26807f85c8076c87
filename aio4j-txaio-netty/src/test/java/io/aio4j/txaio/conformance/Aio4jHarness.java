package io.aio4j.txaio.conformance;

import io.aio4j.txaio.Backend;
import io.aio4j.txaio.TxApi;
import io.aio4j.txaio.internal.RealTxApi;
import io.aio4j.txaio.internal.aio4j.Aio4jDriver;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The aio4j backend on a real aio4j event loop whose clock is virtual ({@link VirtualTimeLoop}),
 * run by the test thread.
 */
final class Aio4jHarness implements Harness {
    private final VirtualTimeLoop loop = new VirtualTimeLoop();
    private final List<Throwable> errors = new CopyOnWriteArrayList<>();
    private final CountingDriver driver = new CountingDriver(new Aio4jDriver(loop));
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
        loop.runFor(0);
    }

    @Override
    public void advance(double seconds) {
        loop.runFor((long) Math.ceil(seconds * 1e9));
    }

    @Override
    public double now() {
        return driver.nanoTime() / 1e9;
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
