package io.aio4j.txaio.conformance;

import io.aio4j.txaio.Backend;
import io.aio4j.txaio.TxApi;
import io.aio4j.txaio.internal.RealTxApi;
import io.aio4j.txaio.internal.jdk.JdkDriver;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The JDK backend on a {@link ManualScheduler}.
 */
final class JdkHarness implements Harness {
    private final ManualScheduler scheduler = new ManualScheduler();
    private final List<Throwable> errors = new CopyOnWriteArrayList<>();
    private final CountingDriver driver =
            new CountingDriver(new JdkDriver(scheduler, scheduler::nanoTime, (message, error) -> errors.add(error)));
    private final TxApi api = new RealTxApi(driver);

    @Override
    public Backend backend() {
        return Backend.JDK;
    }

    @Override
    public TxApi api() {
        return api;
    }

    @Override
    public void runPending() {
        scheduler.runPending();
    }

    @Override
    public void advance(double seconds) {
        scheduler.advance((long) Math.ceil(seconds * 1e9));
    }

    @Override
    public double now() {
        return scheduler.nanoTime() / 1e9;
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
        scheduler.shutdownNow();
    }

    @Override
    public String toString() {
        return "jdk";
    }
}
