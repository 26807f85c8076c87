package io.aio4j.examples.monitor;

import io.aio4j.Aio;
import io.aio4j.EventLoop;
import io.aio4j.Task;
import io.aio4j.monitor.Monitor;
import io.aio4j.monitor.MonitorOptions;
import io.aio4j.net.Server;
import io.aio4j.queue.Queue;
import io.aio4j.stream.StreamPair;
import io.aio4j.stream.Streams;
import io.aio4j.sync.Event;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * {@code ./run demo monitor [port]}: a small busy application with the live monitor on, for a
 * look at the page. Two loops on threads of their own:
 * <ul>
 * <li>{@code demo-shop}: an echo server and clients pumping lines through it (bytes, transports),
 *     workers fed by a queue, an order whose tasks await each other three deep (the await graph),
 *     short jobs that return, fail or time out (the terminated list), tasks named with HTML, and a
 *     long sleeper to cancel from the page;</li>
 * <li>{@code demo-hog}: a ticker, and a report that hogs the loop with 400 ms of arithmetic every
 *     5 seconds (slow steps, with the stack where it was stuck).</li>
 * </ul>
 */
public final class MonitorDemo implements AutoCloseable {
    /** Names that would run script if a page pasted them as HTML; the monitor shows them as text. */
    public static final List<String> HOSTILE_NAMES = List.of("<img src=x onerror=alert(1)>", "<script>alert(\"pwned\")</script>");

    private final Monitor monitor;
    private final List<Thread> threads = new ArrayList<>();
    private final List<EventLoop> loops = new ArrayList<>();
    private final List<Task<?>> mains = new ArrayList<>();

    private MonitorDemo(Monitor monitor) {
        this.monitor = monitor;
    }

    /** Starts the monitor and the demo's loops; {@link #close()} stops them. */
    public static MonitorDemo start(MonitorOptions options) throws InterruptedException {
        MonitorDemo demo = new MonitorDemo(Monitor.start(options));
        demo.startLoop("demo-shop", MonitorDemo::shop);
        demo.startLoop("demo-hog", MonitorDemo::hog);
        return demo;
    }

    /** The monitor page's URL (with the token). */
    public URI uri() {
        return monitor.uri();
    }

    /** The demo's monitor. */
    public Monitor monitor() {
        return monitor;
    }

    /** Cancels the loops' main tasks, waits for their threads (5 s at most), closes the monitor. */
    @Override
    public void close() throws InterruptedException {
        synchronized (this) {
            for (int i = 0; i < loops.size(); i++) {
                Task<?> main = mains.get(i);
                loops.get(i).callSoonThreadsafe(main::cancel);
            }
        }
        for (Thread t : threads) {
            t.join(5000);
        }
        monitor.close();
    }

    private void startLoop(String name, io.aio4j.AsyncCallable<Void> body) throws InterruptedException {
        CountDownLatch started = new CountDownLatch(1);
        Thread t = Thread.ofPlatform().name(name).daemon().start(() -> {
            try {
                Aio.run(() -> {
                    synchronized (this) {
                        loops.add(Aio.getRunningLoop());
                        mains.add(Aio.currentTask());
                    }
                    started.countDown();
                    return body.call();
                });
            } catch (io.aio4j.CancelledException stopped) {
                // close() cancels the main task: the demo is over.
            }
        });
        threads.add(t);
        if (!started.await(10, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the demo loop " + name + " did not start");
        }
    }

    // ------------------------------------------------------------------ demo-shop

    private static Void shop() throws Exception {
        Server echo = Streams.startServer((reader, writer) -> {
            byte[] line;
            while ((line = reader.readLine()).length > 0) {
                writer.write(line);
                writer.drain();
            }
            writer.close();
        }, "127.0.0.1", 0);
        int port = ((InetSocketAddress) echo.sockets().get(0)).getPort();
        for (int i = 1; i <= 3; i++) {
            int n = i;
            Aio.createTask(() -> echoClient(port, n), "echo-client-" + n);
        }
        Queue<Integer> orders = new Queue<>(50);
        for (int i = 1; i <= 8; i++) {
            Aio.createTask(() -> worker(orders), "worker-" + i);
        }
        Aio.createTask(() -> producer(orders), "producer");
        Aio.createTask(MonitorDemo::order, "order-42");
        for (String hostile : HOSTILE_NAMES) {
            Aio.createTask(() -> {
                Aio.sleep(Double.POSITIVE_INFINITY);
                return null;
            }, hostile);
        }
        Aio.createTask(() -> {
            Aio.sleep(Double.POSITIVE_INFINITY);
            return null;
        }, "long-sleeper");
        Aio.createTask(MonitorDemo::jobs, "job-spawner");
        Aio.sleep(Double.POSITIVE_INFINITY);
        return null;
    }

    private static Void echoClient(int port, int n) throws Exception {
        StreamPair conn = Streams.openConnection("127.0.0.1", port);
        Random random = new Random(n);
        for (long i = 0; ; i++) {
            conn.writer().write(("client " + n + " line " + i + " " + "x".repeat(random.nextInt(200)) + "\n")
                    .getBytes(StandardCharsets.UTF_8));
            conn.writer().drain();
            conn.reader().readLine();
            Aio.sleep(0.05 + random.nextDouble() * 0.15);
        }
    }

    private static Void producer(Queue<Integer> orders) {
        Random random = new Random(7);
        for (int i = 0; ; i++) {
            orders.put(i);
            Aio.sleep(random.nextDouble() * 0.05);
        }
    }

    private static Void worker(Queue<Integer> orders) {
        Random random = new Random();
        while (true) {
            orders.get();
            Aio.sleep(random.nextDouble() * 0.3);
            orders.taskDone();
        }
    }

    /** order-42 awaits checkout-42, which awaits payment-42, which waits for an event nobody sets. */
    private static Void order() {
        Task<Void> checkout = Aio.createTask(() -> {
            Task<Void> payment = Aio.createTask(() -> {
                new Event().await();
                return null;
            }, "payment-42");
            return Aio.await(payment);
        }, "checkout-42");
        return Aio.await(checkout);
    }

    /** Every 300 ms a job that returns a value, fails, or overruns its timeout. */
    private static Void jobs() {
        Random random = new Random(3);
        for (int i = 1; ; i++) {
            int n = i;
            int kind = random.nextInt(3);
            Task<Object> job = Aio.createTask(() -> switch (kind) {
                case 0 -> {
                    Aio.sleep(random.nextDouble());
                    yield (Object) Integer.valueOf(n);
                }
                case 1 -> {
                    Aio.sleep(random.nextDouble() * 0.5);
                    throw new IllegalStateException("job " + n + " failed: the supplier is out of stock");
                }
                default -> Aio.timeout(0.2, () -> {
                    Aio.sleep(1);
                    return "late";
                });
            }, "job-" + n);
            // Failures are part of the show (the terminated list); retrieving them keeps the log quiet.
            job.addDoneCallback(f -> {
                if (!f.isCancelled()) {
                    f.exception();
                }
            });
            Aio.sleep(0.3);
        }
    }

    // ------------------------------------------------------------------ demo-hog

    private static Void hog() {
        Aio.createTask(() -> {
            while (true) {
                Aio.sleep(0.1);
            }
        }, "ticker");
        for (int i = 1; ; i++) {
            Aio.sleep(5);
            int n = i;
            Aio.await(Aio.createTask(() -> crunchNumbers(0.4), "report-" + n));
        }
    }

    /** CPU work that holds the loop for {@code seconds}: what the monitor shows as a slow step. */
    static long crunchNumbers(double seconds) {
        long end = System.nanoTime() + (long) (seconds * 1e9);
        long x = 0;
        while (System.nanoTime() < end) {
            x += Long.numberOfTrailingZeros(x * 31 + 7);
        }
        return x;
    }

    /** Runs the demo until the process is stopped; {@code args[0]} is the port (default 0: any free one). */
    public static void main(String[] args) throws Exception {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 0;
        MonitorDemo demo = start(new MonitorOptions().port(port));
        System.out.println("aio4j monitor demo: open " + demo.uri() + " (Ctrl-C to stop)");
        for (Thread t : demo.threads) {
            t.join();
        }
    }
}
