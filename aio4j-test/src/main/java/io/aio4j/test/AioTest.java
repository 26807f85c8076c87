package io.aio4j.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A JUnit 5 test method that runs as the main task of a fresh {@link TestLoop} in debug mode,
 * so its body may {@code Aio.await}, {@code Aio.sleep} (on virtual time) and create tasks.
 *
 * <pre>{@code
 *   @AioTest
 *   void sleepsOnVirtualTime(TestLoop loop) {
 *       Aio.sleep(30);
 *       assertEquals(30.0, loop.time(), 1e-6);
 *   }
 * }</pre>
 *
 * <p>The test's {@code @BeforeEach} and {@code @AfterEach} methods run as main tasks of the same
 * loop. After the last of them, besides the body's own failures, the test fails when a task is
 * left pending (the tasks are cancelled and named in the failure; tasks of
 * {@link TestLoop#backgroundScope()} are cancelled without failing it), when a future or task
 * failed and nobody retrieved its exception, a coroutine was never awaited, or a transport,
 * {@code StreamWriter} or subprocess was left unclosed (the reports debug mode makes at garbage
 * collection, forced at the end of the test by {@link TestLoop#reportUnfinished()}), when
 * anything reached the loop's exception handler during the test (a test expecting such reports
 * installs its own handler), and when a method runs longer than {@link #timeout()} seconds of
 * real time. Parameters of type {@link TestLoop}, {@link io.aio4j.EventLoop} or
 * {@link BackgroundScope} receive the test's loop or its background scope. For
 * {@code @ParameterizedTest}, {@code @RepeatedTest} or a whole class, use {@link WithTestLoop}.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Test
@ExtendWith(AioTestExtension.class)
public @interface AioTest {
    /** The limit in real seconds: the main task is then cancelled and the test fails. */
    double timeout() default 10;

    /**
     * The limit as a duration with its unit, which replaces {@link #timeout()} when set:
     * JUnit's timeout syntax ({@code "500ms"}, {@code "30 s"}, {@code "2m"}; units {@code ns},
     * {@code μs}/{@code us}, {@code ms}, {@code s}, {@code m}, {@code h}, {@code d}) or ISO-8601
     * ({@code "PT1M30S"}). A limit of 292 years or more means none.
     */
    String timeoutDuration() default "";

    /** Whether the loop's clock jumps to the next timer when the loop is idle; see {@link TestLoop}. */
    boolean autojump() default true;

    /** Whether tasks start eagerly (asyncio's eager_task_factory; see {@code RunOptions.eagerTasks}). */
    boolean eagerTasks() default false;
}
