package io.aio4j.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@link AioTest}'s loop and checks for tests that are not plain {@code @Test} methods: on a
 * {@code @ParameterizedTest} or {@code @RepeatedTest} method, each invocation runs as the main
 * task of its own fresh {@link TestLoop}; on a class, every test method of the class (and of its
 * {@code @Nested} classes) does. Their {@code @BeforeEach} and {@code @AfterEach} methods run on
 * the same loop as the test, and the checks of {@link AioTest} apply after the last of them.
 *
 * <pre>{@code
 *   @ParameterizedTest
 *   @ValueSource(ints = {1, 2, 3})
 *   @WithTestLoop
 *   void retries(int attempts, TestLoop loop) { … }
 * }</pre>
 *
 * ({@code @AioTest} is itself a {@code @Test}: combined with {@code @ParameterizedTest} it would
 * make JUnit run the method twice, hence this annotation.) A method's {@code @AioTest} or
 * {@code @WithTestLoop} wins over its class's.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(AioTestExtension.class)
public @interface WithTestLoop {
    /** {@link AioTest#timeout()}. */
    double timeout() default 10;

    /** {@link AioTest#timeoutDuration()}. */
    String timeoutDuration() default "";

    /** {@link AioTest#autojump()}. */
    boolean autojump() default true;

    /** {@link AioTest#eagerTasks()}. */
    boolean eagerTasks() default false;
}
