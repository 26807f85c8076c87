package io.aio4j.test;

import io.aio4j.EventLoop;
import java.lang.reflect.Method;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.InvocationInterceptor;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.ReflectiveInvocationContext;

/**
 * The JUnit 5 extension behind {@link AioTest}: gives each test method a fresh {@link TestLoop}
 * (also as a parameter of type {@code TestLoop} or {@code EventLoop}) and runs the method as
 * its main task. Register it through {@code @AioTest}; with a plain {@code @ExtendWith} the
 * defaults of {@code @AioTest} apply.
 */
public final class AioTestExtension implements InvocationInterceptor, ParameterResolver {
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(AioTestExtension.class);

    /** Made by JUnit. */
    public AioTestExtension() {
    }

    /** Runs the test method as the main task of the test's loop; see {@link AioTest}. */
    @Override
    public void interceptTestMethod(Invocation<Void> invocation, ReflectiveInvocationContext<Method> invocationContext,
            ExtensionContext context) throws Throwable {
        AioTest config = context.getRequiredTestMethod().getAnnotation(AioTest.class);
        double timeout = config == null ? 10
                : config.timeoutDuration().isEmpty() ? config.timeout() : TimeoutText.seconds(config.timeoutDuration());
        boolean autojump = config == null || config.autojump();
        TestLoop loop = loop(context);
        loop.setAutojump(autojump);
        loop.setEagerTasks(config != null && config.eagerTasks());
        new TestRun(loop, context.getDisplayName(), timeout).run(invocation::proceed);
    }

    /** Whether the parameter asks for the test's loop. */
    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == TestLoop.class || type == EventLoop.class;
    }

    /** The test's loop. */
    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return loop(context);
    }

    private static TestLoop loop(ExtensionContext context) {
        ExtensionContext.Store store = context.getStore(NAMESPACE);
        return store.getOrComputeIfAbsent("loop", key -> new ClosingLoop(new TestLoop()), ClosingLoop.class).loop;
    }

    /** Closes the loop when JUnit discards the test's store, whatever happened to the test. */
    private record ClosingLoop(TestLoop loop) implements ExtensionContext.Store.CloseableResource {
        @Override
        public void close() {
            if (!loop.isRunning()) {
                loop.close();
            }
        }
    }
}
