package io.aio4j.examples;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code ./run demo [name] [args]}: runs one example by name, or a tour of them.
 * Examples whose module is not built into this checkout are reported as absent.
 */
public final class Showcase {
    private static final Map<String, String> EXAMPLES = new LinkedHashMap<>();

    static {
        EXAMPLES.put("hello", "io.aio4j.examples.HelloWorld");
        EXAMPLES.put("concurrency", "io.aio4j.examples.Concurrency");
        EXAMPLES.put("debug", "io.aio4j.examples.debug.DebugDemos");
        EXAMPLES.put("http", "io.aio4j.examples.net.HttpHello");
        EXAMPLES.put("everycore", "io.aio4j.examples.net.EveryCore");
        EXAMPLES.put("txaio", "io.aio4j.examples.txaio.LineClientDemo");
        EXAMPLES.put("bunny", "io.aio4j.examples.txaio.Bunny");
        EXAMPLES.put("multiloop", "io.aio4j.examples.txaio.MultiLoop");
        EXAMPLES.put("sha256", "io.aio4j.examples.process.ParallelSha256");
        EXAMPLES.put("mode", "io.aio4j.examples.WhichMode");
        EXAMPLES.put("monitor", "io.aio4j.examples.monitor.MonitorDemo");
    }

    private Showcase() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0) {
            String cls = EXAMPLES.get(args[0]);
            if (cls == null) {
                System.err.println("unknown example '" + args[0] + "'; known: " + String.join(", ", EXAMPLES.keySet()));
                System.exit(2);
            }
            if (!run(cls, Arrays.copyOfRange(args, 1, args.length))) {
                System.exit(2);
            }
            return;
        }
        System.out.println("== hello: the seed's hello world, three greetings two seconds apart");
        run(EXAMPLES.get("hello"), new String[] {"3"});
        System.out.println();
        System.out.println("== concurrency: tasks, blocking calls, CompletableFuture, cancellation");
        run(EXAMPLES.get("concurrency"), new String[0]);
        System.out.println();
        System.out.println("More: ./run demo <name> with name in " + String.join(", ", EXAMPLES.keySet()));
    }

    private static boolean run(String className, String[] args) throws Exception {
        Class<?> cls;
        try {
            cls = Class.forName(className);
        } catch (ClassNotFoundException e) {
            System.err.println(className + " is not part of this build");
            return false;
        }
        Method main = cls.getMethod("main", String[].class);
        main.invoke(null, (Object) args);
        return true;
    }
}
