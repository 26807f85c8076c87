package io.aio4j.internal.debug;

import io.aio4j.internal.loop.Loops;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Proxy;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * {@code -Daio4j.dumpTasksOnSignal=USR1}: prints the task dump of every open loop to stderr when
 * the process receives that signal ({@code kill -USR1 <pid>}). Uses {@code sun.misc.Signal}
 * (module {@code jdk.unsupported}) by reflection; where it is missing, or the JVM reserves the
 * signal (HotSpot reserves {@code USR2} and {@code QUIT}; {@code USR1} and {@code HUP} work on
 * Linux), a WARNING says so and nothing is installed.
 */
public final class TaskDumpSignal {
    /** The system property naming the signal. */
    public static final String PROPERTY = "aio4j.dumpTasksOnSignal";
    private static final AtomicBoolean INSTALLED = new AtomicBoolean();

    private TaskDumpSignal() {
    }

    /** Installs the handler once, if the property is set. */
    public static void installFromProperty() {
        String name = System.getProperty(PROPERTY);
        if (name == null || name.isBlank() || !INSTALLED.compareAndSet(false, true)) {
            return;
        }
        String signal = name.startsWith("SIG") ? name.substring(3) : name;
        try {
            Class<?> signalClass = Class.forName("sun.misc.Signal");
            Class<?> handlerClass = Class.forName("sun.misc.SignalHandler");
            Object sig = signalClass.getConstructor(String.class).newInstance(signal);
            InvocationHandler onSignal = (proxy, method, args) -> {
                if (method.getName().equals("handle")) {
                    System.err.print(TaskDump.of(Loops.open()));
                    System.err.flush();
                    return null;
                }
                return switch (method.getName()) {
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    default -> "aio4j task dump on SIG" + signal;
                };
            };
            Object handler = Proxy.newProxyInstance(TaskDumpSignal.class.getClassLoader(), new Class<?>[] {handlerClass}, onSignal);
            signalClass.getMethod("handle", signalClass, handlerClass).invoke(null, sig, handler);
        } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
            Throwable cause = e instanceof java.lang.reflect.InvocationTargetException ite ? ite.getCause() : e;
            Reports.LOG.log(System.Logger.Level.WARNING, "cannot dump tasks on SIG" + signal + " (" + PROPERTY + "): " + cause);
        }
    }
}
