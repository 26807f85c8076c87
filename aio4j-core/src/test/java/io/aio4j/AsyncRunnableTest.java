package io.aio4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Which overload Java picks for each shape of body: this class compiling is half the test (no
 * ambiguity errors for any form a user writes), the static types assigned below are the other
 * half (a block without a value is an {@link AsyncRunnable}, anything with a value an
 * {@link AsyncCallable}), and running it checks the void forms really run.
 */
@Timeout(20)
class AsyncRunnableTest {
    private final List<String> log = new ArrayList<>();

    private void note() {
        log.add("note");
    }

    private String answer() {
        log.add("answer");
        return "42";
    }

    private static void sleepBriefly() throws IOException {
        Aio.sleep(0);
    }

    @Test
    void aioRunPicksByTheShapeOfTheBody() {
        Aio.run(() -> {                               // a block without a value: void
            log.add("block");
        });
        Aio.run(this::note);                          // a void method reference
        Aio.run(() -> note());                        // a call of a void method
        String value = Aio.run(() -> answer());       // an expression with a value
        String ref = Aio.run(this::answer);           // a method reference with a value
        Integer block = Aio.run(() -> {               // a block returning a value
            return 7;
        });
        Aio.run(AsyncRunnableTest::sleepBriefly);     // a static void method that throws a checked exception
        Aio.run(() -> log.add("expression"), Aio.options().debug(false)); // boolean-valued: AsyncCallable<Boolean>
        assertEquals("42", value);
        assertEquals("42", ref);
        assertEquals(7, block);
        assertEquals(List.of("block", "note", "note", "answer", "answer", "expression"), log);
    }

    @Test
    void aBodyThatOnlyThrowsIsACallableAndStillThrows() {
        IOException e = assertThrows(IOException.class, () -> Aio.run(() -> {
            throw new IOException("disk");
        }));
        assertEquals("disk", e.getMessage());
    }

    @Test
    void tasksOfVoidBodiesHaveANullResultAndTheBodysName() {
        Aio.run(() -> {
            Task<Void> a = Aio.createTask(() -> {
                log.add("a");
            });
            Task<Void> b = Aio.createTask(this::note, "named");
            Task<String> c = Aio.createTask(this::answer);
            Task<Void> d = Aio.getRunningLoop().createTask(() -> {
                log.add("d");
            });
            Task<Void> e = Aio.getRunningLoop().createTask(this::note, "loop-named");
            Task<String> f = Aio.getRunningLoop().createTask(() -> "f");
            assertNull(Aio.await(a));
            assertNull(Aio.await(b));
            assertEquals("42", Aio.await(c));
            assertNull(Aio.await(d));
            assertNull(Aio.await(e));
            assertEquals("f", Aio.await(f));
            assertEquals("named", b.name());
            assertEquals("loop-named", e.name());
            // The repr names the user's lambda, not the adapter inside aio4j.
            assertEquals(true, a.toString().contains("coro=<AsyncRunnableTest.<lambda>"), a.toString());
        });
        assertEquals(List.of("a", "note", "answer", "d", "note"), log);
    }

    @Test
    void taskGroupsTimeoutsCoroutinesAndThreadsTakeVoidBodies() throws Exception {
        try (EventLoop loop = Aio.newEventLoop()) {
            CompletableFuture<Void> fromOutside = Aio.runCoroutineThreadsafe(() -> {
                log.add("threadsafe");
            }, loop);
            CompletableFuture<String> withValue = Aio.runCoroutineThreadsafe(() -> "v", loop);
            loop.runUntilComplete(loop.createTask(() -> {
                Aio.taskGroup(g -> {
                    Task<Void> t = g.createTask(() -> {
                        log.add("group");
                    });
                    Task<String> u = g.createTask(this::answer, "u");
                    Task<Void> v = g.createTask(this::note, "v");
                    return List.of(t, u, v);
                });
                Aio.timeout(5, () -> {
                    log.add("timeout");
                });
                String inTime = Aio.timeout(5, () -> "in time");
                assertEquals("in time", inTime);
                Coroutine<Void> coro = Aio.async(() -> {
                    log.add("coroutine");
                });
                assertEquals(true, coro.name().startsWith("AsyncRunnableTest.<lambda>"), coro.name());
                assertNull(Aio.await(coro));
                Aio.toThread(() -> {
                    log.add("thread:" + Thread.currentThread().isVirtual());
                });
                String fromThread = Aio.toThread(() -> "blocking value");
                assertEquals("blocking value", fromThread);
            }));
            assertNull(fromOutside.get(5, TimeUnit.SECONDS));
            assertEquals("v", withValue.get(5, TimeUnit.SECONDS));
        }
        assertEquals(List.of("threadsafe", "group", "answer", "note", "timeout", "coroutine", "thread:false"), log);
    }

    @Test
    void aFailingVoidBodyFailsItsTaskWithTheSameInstance() {
        IOException boom = new IOException("boom");
        Aio.run(() -> {
            Task<Void> t = Aio.createTask(() -> {
                throwIt(boom);
            });
            assertSame(boom, assertThrows(IOException.class, () -> Aio.await(t)));
        });
    }

    private static void throwIt(IOException e) throws IOException {
        throw e;
    }
}
