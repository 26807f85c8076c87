package io.aio4j.bench;

import io.aio4j.Aio;
import io.aio4j.Task;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import kotlin.coroutines.EmptyCoroutineContext;
import kotlinx.coroutines.BuildersKt;
import kotlinx.coroutines.CoroutineScope;
import kotlinx.coroutines.CoroutineScopeKt;
import kotlinx.coroutines.CoroutineStart;
import kotlinx.coroutines.DelayKt;
import kotlinx.coroutines.Dispatchers;
import kotlinx.coroutines.Job;

/**
 * {@code ./run bench idle-heap [count] [what...]}: heap per idle task, i.e. per task parked in a
 * one-hour sleep, for aio4j ({@code Aio.sleep(3600)} in a task), a plain virtual thread
 * ({@code Thread.sleep} of an hour) and a Kotlin coroutine ({@code delay} of an hour on
 * {@code Dispatchers.Default}), each in this JVM, one after the other.
 *
 * <p>Method: full GC (serial collector, three {@code System.gc()} calls), heap used from the
 * memory MXBean; start {@code count} sleepers and wait until every one is parked; full GC again;
 * (used after − used before) / count. The sleepers' handles are kept in a list during the
 * measurement (one reference each: 4 bytes with compressed oops, included) and cancelled after it.
 */
public final class IdleHeapBench {
    private static final double HOUR = 3600;

    private IdleHeapBench() {
    }

    public static void main(String[] args) throws Exception {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        List<String> what = args.length > 1 ? List.of(args).subList(1, args.length)
                : List.of("aio4j", "virtual-thread", "kotlin");
        System.out.printf("heap per idle task, %,d sleepers, %s, %s%n", count, System.getProperty("java.vm.version"),
                ManagementFactory.getGarbageCollectorMXBeans().get(0).getName());
        for (String w : what) {
            double perTask = switch (w) {
                case "aio4j" -> aio4j(count);
                case "virtual-thread" -> virtualThreads(count);
                case "kotlin" -> kotlin(count);
                default -> throw new IllegalArgumentException("unknown case: " + w
                        + " (aio4j, virtual-thread, kotlin)");
            };
            System.out.printf("%-16s %8.1f bytes/task%n", w, perTask);
        }
    }

    /** With {@code -Didleheap.histogram=N}: the top N classes of the heap while the sleepers are parked. */
    static void histogram() {
        int top = Integer.getInteger("idleheap.histogram", 0);
        if (top <= 0) {
            return;
        }
        try {
            javax.management.ObjectName name = new javax.management.ObjectName("com.sun.management:type=DiagnosticCommand");
            String out = (String) ManagementFactory.getPlatformMBeanServer().invoke(name, "gcClassHistogram",
                    new Object[] {new String[0]}, new String[] {String[].class.getName()});
            out.lines().limit(top + 2L).forEach(System.out::println);
        } catch (javax.management.JMException e) {
            System.out.println("no histogram: " + e);
        }
    }

    static long usedAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    /** Tasks of one loop, each in {@code Aio.sleep(3600)}. */
    static double aio4j(int count) {
        return Aio.run(() -> {
            // The loop, its thread and the code paths are warm before the baseline.
            Aio.createTask(() -> Aio.sleep(HOUR)).cancel();
            Aio.sleep(0);
            long before = usedAfterGc();
            List<Task<Void>> tasks = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                tasks.add(Aio.createTask(() -> Aio.sleep(HOUR)));
            }
            // A task starts on the loop's next iteration and parks in its sleep during it.
            Aio.sleep(0);
            Aio.sleep(0);
            long after = usedAfterGc();
            histogram();
            for (Task<Void> t : tasks) {
                t.cancel();
            }
            Aio.sleep(0);
            Aio.sleep(0);
            return (after - before) / (double) count;
        });
    }

    /** Virtual threads, each in {@code Thread.sleep} of an hour. */
    static double virtualThreads(int count) throws InterruptedException {
        long before = usedAfterGc();
        List<Thread> threads = new ArrayList<>(count);
        CountDownLatch started = new CountDownLatch(count);
        for (int i = 0; i < count; i++) {
            threads.add(Thread.ofVirtual().start(() -> {
                started.countDown();
                try {
                    Thread.sleep(Duration.ofHours(1));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }));
        }
        started.await();
        for (Thread t : threads) { // counted down just before sleeping: wait until each is parked
            while (t.getState() != Thread.State.TIMED_WAITING) {
                Thread.onSpinWait();
            }
        }
        long after = usedAfterGc();
        histogram();
        for (Thread t : threads) {
            t.interrupt();
        }
        for (Thread t : threads) {
            t.join();
        }
        return (after - before) / (double) count;
    }

    /**
     * Coroutines launched on {@code Dispatchers.Default}, each in {@code delay} of an hour. Launched
     * {@code UNDISPATCHED}, so each runs to its {@code delay} inside {@code launch} and is parked
     * when {@code launch} returns. The body is a Java lambda whose one (tail) suspension is
     * {@code delay}: Kotlin wraps it in one continuation object, where the Kotlin compiler would
     * make one state-machine object of {@code launch { delay(…) }}.
     */
    static double kotlin(int count) throws InterruptedException {
        CoroutineScope scope = CoroutineScopeKt.CoroutineScope(Dispatchers.getDefault());
        BuildersKt.launch(scope, EmptyCoroutineContext.INSTANCE, CoroutineStart.UNDISPATCHED,
                (s, cont) -> DelayKt.delay(1, cont));
        Thread.sleep(100);
        long before = usedAfterGc();
        List<Job> jobs = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            jobs.add(BuildersKt.launch(scope, EmptyCoroutineContext.INSTANCE, CoroutineStart.UNDISPATCHED,
                    (s, cont) -> DelayKt.delay((long) (HOUR * 1000), cont)));
        }
        long after = usedAfterGc();
        histogram();
        for (Job j : jobs) {
            j.cancel(null);
        }
        CoroutineScopeKt.cancel(scope, null);
        return (after - before) / (double) count;
    }
}
