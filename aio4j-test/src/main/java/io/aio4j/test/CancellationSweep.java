package io.aio4j.test;

import io.aio4j.Aio;
import io.aio4j.AsyncCallable;
import io.aio4j.CancelledException;
import io.aio4j.ExceptionContext;
import io.aio4j.Task;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.opentest4j.AssertionFailedError;

/**
 * Proves that code is cancellation-safe by cancelling it at every point where it can be
 * cancelled: asyncio's promise that a cancelled operation leaks nothing and loses nothing, tested
 * exhaustively.
 *
 * <p>The sweep runs the body once on a fresh {@link TestLoop} to count the loop iterations it
 * takes ({@code N}), then runs it again, on a fresh loop each time, cancelling its task at the
 * start of iteration {@code k} for every {@code k} from 1 to {@code N}. After each run it asserts
 * that
 * <ul>
 *   <li>the body ended cancelled or completed (not with another exception);</li>
 *   <li>your {@link Check} passes: typically, that data the peer wrote was either delivered to
 *       the body (its {@link Outcome#value() value}) or is still readable;</li>
 *   <li>no task of the loop is left pending and no socket transport is left open;</li>
 *   <li>no descriptor is left open (sockets, pipes, selectors: {@code /proc/self/fd}, on Linux) and
 *       no child process is left running;</li>
 *   <li>nothing reached the loop's exception handler (an internal error, a callback that threw, an
 *       exception never retrieved, an unclosed resource…), unless {@linkplain #allowReports allowed}.</li>
 * </ul>
 * A failure names the iteration the cancellation landed in, so it can be replayed.
 *
 * <pre>{@code
 * @Test
 * void cancelledReadLosesNothing() {
 *     CancellationSweep.withPeer(loop -> EchoServer.start())               // per run, as a task
 *             .body(peer -> {                                              // the task cancelled at k
 *                 StreamPair s = Streams.openConnection("127.0.0.1", peer.port());
 *                 try {
 *                     s.writer().write("ping\n".getBytes());
 *                     return s.reader().readLine();
 *                 } finally {
 *                     s.writer().close();
 *                 }
 *             })
 *             .check((peer, outcome) -> { if (outcome.completed()) assertEquals("ping\n", outcome.value()); })
 *             .tearDown(peer -> peer.close())
 *             .run();
 * }
 * }</pre>
 *
 * <p>Call {@link #run()} from an ordinary test thread (not from a loop). Each run has its
 * own {@code TestLoop} in debug mode (the {@link #configure configure} hook can change its
 * knobs); setup, body, check and teardown run as tasks of it. Real I/O is real: a peer that lives
 * on the same loop (a server made in {@code setup}) keeps the iteration count reproducible, a
 * peer on another thread makes it vary a little, which the sweep tolerates (a run whose body
 * ends before iteration {@code k} is simply not cancelled).
 *
 * @param <P> what {@code setup} makes for each run (a server, a socket pair…), handed to the
 *            body, the check and the teardown
 */
public final class CancellationSweep<P> {
    /** Real seconds a child process gets to exit after a run before it counts as leaked. */
    private static final double CHILD_EXIT_SECONDS = 5;
    /**
     * Real seconds a descriptor opened during a run gets to be closed before it counts as leaked:
     * other threads of the JVM (the JDK's, the test framework's) open and close descriptors too.
     */
    private static final double DESCRIPTOR_GRACE_SECONDS = 1;

    /** Makes what a run needs (a peer, a server…); runs as a task of the run's loop, before the body. */
    @FunctionalInterface
    public interface Setup<P> {
        /** Makes the run's peer. */
        P setUp(TestLoop loop) throws Exception;
    }

    /** The code under test; runs as the task that is cancelled. */
    @FunctionalInterface
    public interface Body<P> {
        /** Runs the operation; its value is handed to the check as {@link Outcome#value()}. */
        Object run(P peer) throws Exception;
    }

    /** A check after the body ended, as a task (it may await): was data delivered or is it still readable? */
    @FunctionalInterface
    public interface Check<P> {
        /** Fails (throws) if the run lost or leaked something. */
        void check(P peer, Outcome outcome) throws Exception;
    }

    /** Releases what {@code setup} made; runs as a task after the check, whatever happened. */
    @FunctionalInterface
    public interface TearDown<P> {
        /** Closes the run's peer. */
        void tearDown(P peer) throws Exception;
    }

    /**
     * How one run's body ended.
     *
     * @param cancelAt  the iteration (counted from the body's start) at whose start the body's task
     *                  was cancelled; 0 in the counting run, which is not cancelled
     * @param cancelled whether the body ended cancelled
     * @param value     the body's value when it completed, else null
     */
    public record Outcome(int cancelAt, boolean cancelled, Object value) {
        /** Whether the body completed (even if the cancellation came too late to stop it). */
        public boolean completed() {
            return !cancelled;
        }
    }

    /**
     * What a sweep did.
     *
     * @param iterations the iterations the body took in the counting run ({@code N})
     * @param runs       the runs made, the counting run included
     * @param cancelled  runs whose body ended cancelled
     * @param completed  runs whose body completed
     */
    public record Result(int iterations, int runs, int cancelled, int completed) {
    }

    private final Setup<P> setup;
    private Body<P> body;
    private Check<P> check = (peer, outcome) -> { };
    private TearDown<P> tearDown = peer -> { };
    private int maxIterations = 1000;
    private double runTimeoutSeconds = 10;
    private boolean debug = true;
    private boolean checkDescriptors = true;
    private boolean checkChildren = true;
    private Predicate<ExceptionContext> allowedReports = c -> false;
    private Consumer<TestLoop> configure = loop -> { };

    private CancellationSweep(Setup<P> setup) {
        this.setup = setup;
    }

    /** The code under test, run as the task that is cancelled (required). */
    public CancellationSweep<P> body(Body<P> body) {
        this.body = Objects.requireNonNull(body, "body");
        return this;
    }

    /** Runs after each run's body ended (as a task, before the teardown): assert nothing was lost. */
    public CancellationSweep<P> check(Check<P> check) {
        this.check = Objects.requireNonNull(check, "check");
        return this;
    }

    /** Releases what setup made, after each run (as a task), whatever happened. */
    public CancellationSweep<P> tearDown(TearDown<P> tearDown) {
        this.tearDown = Objects.requireNonNull(tearDown, "tearDown");
        return this;
    }

    /**
     * The most iterations the body may take in the counting run (default 1000); more fails the
     * sweep rather than take long (the sweep makes {@code N} runs of up to {@code N} iterations).
     */
    public CancellationSweep<P> maxIterations(int max) {
        if (max < 1) {
            throw new IllegalArgumentException("maxIterations < 1: " + max);
        }
        this.maxIterations = max;
        return this;
    }

    /** Real seconds one run may take before the sweep fails it as hung (default 10). */
    public CancellationSweep<P> runTimeout(double seconds) {
        if (!(seconds > 0) || Double.isInfinite(seconds)) {
            throw new IllegalArgumentException("runTimeout <= 0, infinite or NaN: " + seconds);
        }
        this.runTimeoutSeconds = seconds;
        return this;
    }

    /** Whether each run's loop is in debug mode (default true: unclosed resources and never-retrieved exceptions are reported). */
    public CancellationSweep<P> debug(boolean enabled) {
        this.debug = enabled;
        return this;
    }

    /** Whether runs check for leaked descriptors in {@code /proc/self/fd} (default true; nothing is checked where there is none). */
    public CancellationSweep<P> checkDescriptors(boolean enabled) {
        this.checkDescriptors = enabled;
        return this;
    }

    /** Whether runs check for child processes left running (default true). */
    public CancellationSweep<P> checkChildren(boolean enabled) {
        this.checkChildren = enabled;
        return this;
    }

    /** Exception-handler reports that do not fail a run (by default every report does). */
    public CancellationSweep<P> allowReports(Predicate<ExceptionContext> allowed) {
        this.allowedReports = Objects.requireNonNull(allowed, "allowed");
        return this;
    }

    /** Called with each run's fresh loop before anything runs on it (autojump, threshold, eager tasks…). */
    public CancellationSweep<P> configure(Consumer<TestLoop> configure) {
        this.configure = Objects.requireNonNull(configure, "configure");
        return this;
    }

    /**
     * Runs the sweep: the counting run, then one run cancelled at each iteration.
     *
     * @throws AssertionFailedError at the first run that fails, naming its iteration
     */
    public Result run() {
        if (body == null) {
            throw new IllegalStateException("no body: call body(...) before run()");
        }
        SweepRun<P> counting = new SweepRun<>(this, 0);
        Outcome first = counting.run(false);
        if (first.cancelled()) {
            throw new AssertionFailedError("the body ended cancelled without being cancelled (counting run)");
        }
        int n = counting.bodyIterations;
        if (n > maxIterations) {
            throw new AssertionFailedError(String.format(Locale.ROOT,
                    "the body took %d loop iterations, more than maxIterations (%d)", n, maxIterations));
        }
        int cancelled = 0;
        int completed = 1;
        for (int k = 1; k <= n; k++) {
            Outcome o = new SweepRun<>(this, k).run(true);
            if (o.cancelled()) {
                cancelled++;
            } else {
                completed++;
            }
        }
        return new Result(n, n + 1, cancelled, completed);
    }

    /** A sweep whose runs each start with {@code setup}: say what to run with {@link #body}. */
    public static <P> CancellationSweep<P> withPeer(Setup<P> setup) {
        return new CancellationSweep<>(Objects.requireNonNull(setup, "setup"));
    }

    /** A sweep of {@code body}, without setup (its {@link Check}s receive a null peer). */
    public static CancellationSweep<Void> of(AsyncCallable<?> body) {
        Objects.requireNonNull(body, "body");
        return new CancellationSweep<Void>(loop -> null).body(nothing -> body.call());
    }

    /** Sweeps {@code body} (no setup) and runs {@code check} after each run; see the class comment. */
    public static Result run(AsyncCallable<?> body, Check<Void> check) {
        return of(body).check(check).run();
    }

    /** One run: a fresh loop, setup, the body (cancelled at iteration {@code cancelAt}), check, teardown, leak checks. */
    private static final class SweepRun<P> {
        private final CancellationSweep<P> b;
        private final int cancelAt;
        private final List<ExceptionContext> reports = Collections.synchronizedList(new ArrayList<>());
        private int bodyIterations;
        private volatile boolean hung;

        SweepRun(CancellationSweep<P> b, int cancelAt) {
            this.b = b;
            this.cancelAt = cancelAt;
        }

        Outcome run(boolean checkLeaks) {
            Descriptors fdsBefore = checkLeaks && b.checkDescriptors ? Descriptors.snapshot() : null;
            Set<Long> childrenBefore = Children.alive();
            TestLoop loop = new TestLoop();
            Thread watchdog = Thread.ofPlatform().daemon().name("aio4j-sweep-watchdog")
                    .start(() -> watch(loop));
            Outcome outcome;
            List<String> leaks = new ArrayList<>();
            try {
                loop.setDebug(b.debug);
                // Debug mode for its reports (unclosed resources, exceptions never retrieved), not
                // for slow-step warnings: a loaded machine is not what a sweep looks for.
                loop.setSlowCallbackDuration(3600);
                loop.setExceptionHandler((l, context) -> reports.add(context));
                b.configure.accept(loop);
                P peer = inTask(loop, "setup", () -> b.setup.setUp(loop));
                try {
                    outcome = runBody(loop, peer);
                    Outcome o = outcome;
                    inTask(loop, "check", () -> {
                        b.check.check(peer, o);
                        return null;
                    });
                } finally {
                    inTask(loop, "tearDown", () -> {
                        b.tearDown.tearDown(peer);
                        return null;
                    });
                }
                settle(loop);
                List<Task<?>> left = loop.pendingTasks();
                if (!left.isEmpty()) {
                    leaks.add("tasks left pending: " + left);
                    left.forEach(t -> t.cancel("left pending by a CancellationSweep run"));
                    settle(loop);
                }
                if (loop.openTransports() != 0) {
                    leaks.add(loop.openTransports() + " socket transport(s) left open");
                }
                loop.runUntilComplete(loop.shutdownDefaultExecutor(5));
            } catch (AssertionFailedError e) {
                throw fail(e.getMessage(), e);
            } catch (RuntimeException | Error e) {
                throw fail("the run failed: " + e, e);
            } finally {
                watchdog.interrupt();
                if (!loop.isRunning()) {
                    loop.close();
                }
            }
            if (fdsBefore != null) {
                List<String> opened = Descriptors.stillOpenedSince(fdsBefore, DESCRIPTOR_GRACE_SECONDS);
                if (!opened.isEmpty()) {
                    leaks.add("descriptors left open: " + opened);
                }
            }
            if (checkLeaks && b.checkChildren) {
                List<Long> running = Children.stillRunning(childrenBefore, CHILD_EXIT_SECONDS);
                if (!running.isEmpty()) {
                    leaks.add("child processes left running: " + running);
                    Children.kill(running);
                }
            }
            List<ExceptionContext> copy;
            synchronized (reports) {
                copy = List.copyOf(reports);
            }
            for (ExceptionContext c : copy) {
                if (!b.allowedReports.test(c)) {
                    leaks.add("the exception handler was called: " + c.message()
                            + (c.exception() != null ? " (" + c.exception() + ")" : ""));
                }
            }
            if (!leaks.isEmpty()) {
                AssertionFailedError e = fail(String.join("; ", leaks), null);
                copy.stream().map(ExceptionContext::exception).filter(Objects::nonNull).forEach(e::addSuppressed);
                throw e;
            }
            return outcome;
        }

        private Outcome runBody(TestLoop loop, P peer) {
            long base = loop.iterationCount();
            Task<Object> task = loop.createTask(() -> b.body.run(peer), "CancellationSweep body");
            if (cancelAt > 0) {
                long at = base + cancelAt;
                loop.onIteration(n -> {
                    if (n == at) {
                        task.cancel("CancellationSweep: cancelled at iteration " + cancelAt);
                    }
                });
            }
            try {
                loop.runUntilComplete(task);
            } catch (CancelledException e) {
                // Looked at below.
            } catch (RuntimeException e) {
                if (task.isDone() && !task.isCancelled()) {
                    throw fail("the body failed: " + task.exception(), task.exception());
                }
                throw e;
            } finally {
                loop.onIteration(null);
            }
            bodyIterations = (int) (loop.iterationCount() - base);
            if (task.isCancelled()) {
                return new Outcome(cancelAt, true, null);
            }
            return new Outcome(cancelAt, false, task.result());
        }

        /** Lets closes and callbacks that follow the run happen (a few iterations, then loop time). */
        private void settle(TestLoop loop) {
            inTask(loop, "settle", () -> {
                for (int i = 0; i < 200; i++) {
                    boolean quiet = loop.pendingTasks().size() <= 1 && loop.openTransports() == 0;
                    if (quiet && i >= 5) {
                        return null;
                    }
                    Aio.sleep(i < 20 ? 0 : 0.01);
                }
                return null;
            });
        }

        private <T> T inTask(TestLoop loop, String what, Callable<T> fn) {
            Task<T> t = loop.createTask(() -> {
                try {
                    return fn.call();
                } catch (RuntimeException | Error e) {
                    throw e;
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }, "CancellationSweep " + what);
            try {
                return loop.runUntilComplete(t);
            } catch (AssertionFailedError e) {
                throw new AssertionFailedError(what + ": " + e.getMessage(), e);
            } catch (RuntimeException | Error e) {
                throw fail(what + " failed: " + e, e);
            }
        }

        private void watch(TestLoop loop) {
            try {
                Thread.sleep((long) Math.ceil(b.runTimeoutSeconds * 1000));
                hung = true;
                loop.callSoonThreadsafe(loop::stop);
            } catch (InterruptedException | IllegalStateException done) {
                // The run ended (or its loop is closed): nothing to do.
            }
        }

        private AssertionFailedError fail(String message, Throwable cause) {
            if (cause instanceof AssertionFailedError a && a.getMessage() != null && a.getMessage().startsWith("CancellationSweep")) {
                return a;
            }
            String where = cancelAt == 0 ? "the counting run (not cancelled)"
                    : "the run cancelled at iteration " + cancelAt;
            if (hung) {
                message = String.format(Locale.ROOT, "hung (did not end within runTimeout, %.1f s of real time; "
                        + "the loop was stopped): %s", b.runTimeoutSeconds, message);
            }
            return new AssertionFailedError("CancellationSweep, " + where + ": " + message, cause);
        }
    }
}
