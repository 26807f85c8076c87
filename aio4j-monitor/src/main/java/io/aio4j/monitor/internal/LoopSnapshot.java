package io.aio4j.monitor.internal;

import io.aio4j.Task;
import io.aio4j.internal.stats.LoopStats;
import io.aio4j.internal.stats.LoopView;
import io.aio4j.internal.stats.TaskHistory;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One loop's figures at one moment, as the page, {@code /metrics} and the MBean show them.
 *
 * @param state one of {@code stopped} (not running), {@code idle} (polling for I/O and timers),
 *              {@code running} (running callbacks) and {@code stuck} (running one iteration's
 *              callbacks for longer than the slow-step threshold)
 */
record LoopSnapshot(long id, String thread, String mode, String state, boolean debug, long iterations,
        double iterationsPerSecond, int ready, int timers, int transports, long bytesIn, long bytesOut,
        int tasks, Map<String, Integer> tasksByState, double lagP50, double lagP99, double lagNow, double[] lagSeries,
        long lagCount, double lagSum, long slowStepsTotal, List<SlowStep> slowSteps, SlowStep stuck) {

    /** The task states, in the order the page and the metrics list them. */
    static final List<String> TASK_STATES = List.of("running", "awaiting", "blocked", "ready");

    static LoopSnapshot of(LoopWatch w, TaskHistory history) {
        LoopView v = w.view;
        LoopStats.Sample s = v.stats().sample();
        Map<String, Integer> byState = new LinkedHashMap<>();
        for (String st : TASK_STATES) {
            byState.put(st, 0);
        }
        List<Task<?>> tasks = v.tasks();
        for (Task<?> t : tasks) {
            byState.merge(v.describe(t, List.of(), history, false).state(), 1, Integer::sum);
        }
        byState.remove("done");
        SlowStep stuck = w.stuck();
        String state = !v.running() ? "stopped" : stuck != null ? "stuck" : s.inSteps() ? "running" : "idle";
        long now = System.nanoTime();
        double lagNow = w.lagNow();
        return new LoopSnapshot(v.id(), v.threadName(), v.nativeMode() ? "native" : "compat", state, v.debug(),
                s.iterations(), w.iterationsPerSecond(), s.ready(), s.timers(), s.transports(), s.bytesIn(), s.bytesOut(),
                tasks.size(), byState, w.lag.quantile(now, 0.5), w.lag.quantile(now, 0.99), lagNow,
                w.lag.perSecondMax(now), w.lag.count(), w.lag.sum(), w.slowStepsTotal(), w.slowSteps(), stuck);
    }
}
