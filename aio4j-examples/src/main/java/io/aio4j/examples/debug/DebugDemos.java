package io.aio4j.examples.debug;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code ./run demo debug [name]}: the PyMOTW debugging program without and with {@code -v},
 * {@code Thread.sleep} in native and compatibility mode side by side, then each trap of
 * {@code docs/develop.md}; or one of them by name.
 */
public final class DebugDemos {
    private static final Map<String, Runnable> DEMOS = new LinkedHashMap<>();

    static {
        DEMOS.put("demo", () -> DebugDemo.run(false, false));
        DEMOS.put("demo-v", () -> DebugDemo.run(true, false));
        DEMOS.put("sleep", DebugDemos::sleepSideBySide);
        DEMOS.put("cancelled-future", () -> CancelledFutureTrap.main(new String[0]));
        DEMOS.put("thread-unsafe", () -> ThreadUnsafeCallTrap.main(new String[0]));
        DEMOS.put("blocking-call", () -> BlockingCallTrap.main(new String[0]));
        DEMOS.put("never-awaited", () -> NeverAwaitedTrap.main(new String[0]));
        DEMOS.put("exception-never-consumed", () -> ExceptionNeverConsumedTrap.main(new String[0]));
        DEMOS.put("unchained", () -> UnchainedCoroutinesTrap.main(new String[0]));
        DEMOS.put("pending-task-destroyed", () -> PendingTaskDestroyedTrap.main(new String[0]));
        DEMOS.put("unclosed", () -> UnclosedLoopTrap.main(new String[0]));
        DEMOS.put("unclosed-transport", () -> UnclosedTransportTrap.main(new String[0]));
    }

    private DebugDemos() {
    }

    /** {@code Thread.sleep(100)} in the inner task: no warning in native mode, a warning in compatibility mode. */
    static void sleepSideBySide() {
        System.err.println("   ---- native mode (if the JVM allows it): Thread.sleep unmounts the task");
        DebugDemo.run(true, true);
        String previous = System.getProperty("aio4j.mode");
        System.setProperty("aio4j.mode", "compat");
        try {
            System.err.println("   ---- compatibility mode: Thread.sleep blocks the loop, as time.sleep does in asyncio");
            DebugDemo.run(true, true);
        } finally {
            if (previous == null) {
                System.clearProperty("aio4j.mode");
            } else {
                System.setProperty("aio4j.mode", previous);
            }
        }
    }

    public static void main(String[] args) {
        PythonStyleLogging.install();
        if (args.length > 0 && args[0].equals("demo") && args.length > 1) {
            // The seed's program with its flags: demo [-v] [--blocking-sleep].
            List<String> flags = List.of(args).subList(1, args.length);
            DebugDemo.run(flags.contains("-v"), flags.contains("--blocking-sleep"));
            Collect.garbage();
            return;
        }
        if (args.length > 0) {
            Runnable demo = DEMOS.get(args[0]);
            if (demo == null) {
                System.err.println("unknown debug demo '" + args[0] + "'; known: " + String.join(", ", DEMOS.keySet()));
                System.exit(2);
            }
            demo.run();
            Collect.garbage();
            return;
        }
        for (Map.Entry<String, Runnable> e : DEMOS.entrySet()) {
            System.err.println();
            System.err.println("== " + e.getKey());
            e.getValue().run();
            Collect.garbage();
        }
    }
}
