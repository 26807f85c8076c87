package io.aio4j.examples;

import io.aio4j.Aio;

/**
 * The Trollius seed's hello world: print "Hello World" every two seconds, as a task.
 * {@code ./run demo hello} (Ctrl-C to stop); the showcase greets three times.
 */
public final class HelloWorld {
    private HelloWorld() {
    }

    /** Greets {@code times} times (forever if negative), two seconds apart. */
    static void greetEveryTwoSeconds(int times) {
        for (int i = 0; times < 0 || i < times; i++) {
            System.out.println("Hello World");
            Aio.sleep(2);
        }
    }

    public static void main(String[] args) {
        int times = args.length > 0 ? Integer.parseInt(args[0]) : -1;
        Aio.run(() -> greetEveryTwoSeconds(times));
    }
}
