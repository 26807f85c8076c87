package io.aio4j.examples;

import io.aio4j.Aio;
import io.aio4j.Task;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Tasks, the loop's order, blocking calls and bridges, in one short program:
 * {@code ./run demo concurrency}.
 */
public final class Concurrency {
    private Concurrency() {
    }

    static String brew(String what, double seconds) {
        System.out.printf("  start %s%n", what);
        Aio.sleep(seconds);
        System.out.printf("  done  %s after %.1f s%n", what, seconds);
        return what;
    }

    public static void main(String[] args) {
        Aio.run(() -> {
            EventLoopInfo.print();
            System.out.println("three tasks, one thread: they overlap, so this takes ~0.3 s, not 0.6 s");
            double t0 = Aio.getRunningLoop().time();
            List<Task<String>> tasks = new ArrayList<>();
            tasks.add(Aio.createTask(() -> brew("coffee", 0.3)));
            tasks.add(Aio.createTask(() -> brew("tea", 0.2)));
            tasks.add(Aio.createTask(() -> brew("toast", 0.1)));
            for (Task<String> t : tasks) {
                Aio.await(t);
            }
            System.out.printf("  all done in %.2f s%n", Aio.getRunningLoop().time() - t0);

            System.out.println("a blocking call, moved off the loop with Aio.toThread:");
            String name = Aio.toThread(() -> {
                Thread.sleep(50);
                return Thread.currentThread().getName();
            });
            System.out.println("  ran on " + name);

            System.out.println("a CompletableFuture completed by another thread, awaited like any future:");
            CompletableFuture<String> cf = CompletableFuture.supplyAsync(() -> "computed on " + Thread.currentThread().getName());
            System.out.println("  " + Aio.await(cf));

            System.out.println("cancellation: the sleeping task sees CancelledException at its await");
            Task<String> sleeper = Aio.createTask(() -> {
                try {
                    Aio.sleep(3600);
                    return "woke";
                } catch (io.aio4j.CancelledException e) {
                    System.out.println("  sleeper cancelled: " + e.getMessage());
                    throw e;
                }
            });
            Aio.sleep(0.05);
            sleeper.cancel("not needed any more");
            try {
                Aio.await(sleeper);
            } catch (io.aio4j.CancelledException e) {
                System.out.println("  " + sleeper);
            }
        });
    }

    /** Which mode the loop runs in, and how to change it. */
    static final class EventLoopInfo {
        private EventLoopInfo() {
        }

        static void print() {
            Task<?> me = Aio.currentTask();
            System.out.println("main task " + me.name() + " on " + (Thread.currentThread().isVirtual() ? "a virtual thread" : "a platform thread"));
        }
    }
}
