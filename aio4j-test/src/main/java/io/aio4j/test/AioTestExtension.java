package io.aio4j.test;

import io.aio4j.EventLoop;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Method;
import java.util.Optional;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.InvocationInterceptor;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.ReflectiveInvocationContext;

/**
 * The JUnit 5 extension behind {@link AioTest} and {@link WithTestLoop}: gives each test (each
 * invocation of a parameterized or repeated test) a fresh {@link TestLoop} (also as a parameter
 * of type {@code TestLoop}, {@code EventLoop} or {@link BackgroundScope}), runs the test method
 * and its {@code @BeforeEach} / {@code @AfterEach} methods as main tasks of that loop, and after
 * the last of them makes the checks of {@link AioTest}. Register it through those annotations;
 * with a plain {@code @ExtendWith} the defaults of {@code @AioTest} apply.
 */
public final class AioTestExtension implements InvocationInterceptor, ParameterResolver, AfterEachCallback {
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(AioTestExtension.class);

    /** Made by JUnit. */
    public AioTestExtension() {
    }

    /** Runs a {@code @Test} method as the main task of the test's loop; see {@link AioTest}. */
    @Override
    public void interceptTestMethod(Invocation<Void> invocation, ReflectiveInvocationContext<Method> invocationContext,
            ExtensionContext context) throws Throwable {
        run(invocation, context, context.getDisplayName());
    }

    /** Runs one invocation of a {@code @ParameterizedTest} / {@code @RepeatedTest} as the main task of its loop. */
    @Override
    public void interceptTestTemplateMethod(Invocation<Void> invocation,
            ReflectiveInvocationContext<Method> invocationContext, ExtensionContext context) throws Throwable {
        run(invocation, context, context.getDisplayName());
    }

    /** Runs a {@code @BeforeEach} method as a main task of the test's loop. */
    @Override
    public void interceptBeforeEachMethod(Invocation<Void> invocation,
            ReflectiveInvocationContext<Method> invocationContext, ExtensionContext context) throws Throwable {
        run(invocation, context, "@BeforeEach " + invocationContext.getExecutable().getName());
    }

    /** Runs an {@code @AfterEach} method as a main task of the test's loop. */
    @Override
    public void interceptAfterEachMethod(Invocation<Void> invocation,
            ReflectiveInvocationContext<Method> invocationContext, ExtensionContext context) throws Throwable {
        run(invocation, context, "@AfterEach " + invocationContext.getExecutable().getName());
    }

    /** After the test's last {@code @AfterEach} method: the checks of {@link AioTest}, then the loop is closed. */
    @Override
    public void afterEach(ExtensionContext context) throws Exception {
        Holder holder = context.getStore(NAMESPACE).remove(context.getUniqueId(), Holder.class);
        if (holder != null) {
            try {
                holder.run.finish();
            } catch (Exception | Error e) {
                throw e;
            } catch (Throwable t) {
                throw new IllegalStateException(t);
            }
        }
    }

    /** Whether the parameter asks for the test's loop or its background scope. */
    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return context.getTestMethod().isPresent()
                && (type == TestLoop.class || type == EventLoop.class || type == BackgroundScope.class);
    }

    /** The test's loop, or its background scope. */
    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        TestLoop loop = testRun(context).loop();
        return parameter.getParameter().getType() == BackgroundScope.class ? loop.backgroundScope() : loop;
    }

    private static void run(Invocation<Void> invocation, ExtensionContext context, String what) throws Throwable {
        Config config = Config.of(context);
        TestRun run = testRun(context);
        run.loop().setAutojump(config.autojump());
        run.loop().setEagerTasks(config.eagerTasks());
        run.runMethod(what, config.timeoutSeconds(), invocation::proceed);
    }

    private static TestRun testRun(ExtensionContext context) {
        ExtensionContext.Store store = context.getStore(NAMESPACE);
        return store.getOrComputeIfAbsent(context.getUniqueId(),
                key -> new Holder(new TestRun(new TestLoop(), context.getDisplayName())), Holder.class).run;
    }

    /** The test's run; closes its loop when JUnit discards the store, should the checks not have run. */
    private record Holder(TestRun run) implements ExtensionContext.Store.CloseableResource {
        @Override
        public void close() {
            TestLoop loop = run.loop();
            if (!loop.isRunning() && !loop.isClosed()) {
                loop.close();
            }
        }
    }

    /** The settings of a test: its method's annotation, else its class's (outermost last), else the defaults. */
    private record Config(double timeoutSeconds, boolean autojump, boolean eagerTasks) {
        static Config of(ExtensionContext context) {
            Optional<Method> method = context.getTestMethod();
            if (method.isPresent()) {
                Config c = of(method.get());
                if (c != null) {
                    return c;
                }
            }
            for (Class<?> k = context.getTestClass().orElse(null); k != null; k = k.getEnclosingClass()) {
                Config c = of(k);
                if (c != null) {
                    return c;
                }
            }
            return new Config(10, true, false);
        }

        private static Config of(AnnotatedElement element) {
            AioTest a = element.getAnnotation(AioTest.class);
            if (a != null) {
                return new Config(seconds(a.timeout(), a.timeoutDuration()), a.autojump(), a.eagerTasks());
            }
            WithTestLoop w = element.getAnnotation(WithTestLoop.class);
            if (w != null) {
                return new Config(seconds(w.timeout(), w.timeoutDuration()), w.autojump(), w.eagerTasks());
            }
            return null;
        }

        private static double seconds(double timeout, String text) {
            return text.isEmpty() ? timeout : TimeoutText.seconds(text);
        }
    }
}
