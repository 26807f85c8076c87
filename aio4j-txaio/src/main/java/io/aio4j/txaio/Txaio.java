package io.aio4j.txaio;

import io.aio4j.txaio.internal.Drivers;
import io.aio4j.txaio.internal.RealTxApi;
import io.aio4j.txaio.internal.Selection;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The txaio entry point: select a backend once per process, then use the static methods, which
 * forward to that backend's {@link TxApi}; or get an independent API with {@link #of(Backend)} or
 * {@link #withConfig(Object)}.
 *
 * <p>Until a backend is selected every static method except the {@code using*} queries,
 * {@link #timeNs()} and {@link #perfCounterNs()} throws {@code IllegalStateException("To use
 * txaio, you must first select a framework with useAio4j(), useNetty() or useJdk()")}. The
 * methods are documented on {@link TxApi}.
 *
 * <pre>{@code
 * Txaio.useJdk();
 * TxFuture<String> f = Txaio.createFuture();
 * Txaio.addCallbacks(f, v -> { System.out.println(v); return v; }, null);
 * Txaio.resolve(f, "hello");
 * }</pre>
 */
public final class Txaio {
    private Txaio() {
    }

    // ---- selection ----

    /**
     * Selects aio4j for the whole process; futures are created on the running aio4j loop (use
     * {@link #withConfig(Object)} to name another). Repeating it is harmless.
     *
     * @throws IllegalStateException {@code "Explicitly using 'netty' already"} if another backend is selected
     */
    public static void useAio4j() {
        Selection.use(Backend.AIO4J);
    }

    /**
     * Selects Netty (module {@code aio4j-txaio-netty}) for the whole process, on a shared daemon
     * {@code DefaultEventLoop}.
     *
     * @throws IllegalStateException if another backend is selected, or the Netty module is missing
     */
    public static void useNetty() {
        Selection.use(Backend.NETTY);
    }

    /**
     * Selects the JDK backend for the whole process, on a shared daemon scheduler thread named
     * {@code txaio-jdk}.
     *
     * @throws IllegalStateException if another backend is selected
     */
    public static void useJdk() {
        Selection.use(Backend.JDK);
    }

    /** Returns true if aio4j is selected; never throws. */
    public static boolean usingAio4j() {
        return Selection.using(Backend.AIO4J);
    }

    /** Returns true if Netty is selected; never throws. */
    public static boolean usingNetty() {
        return Selection.using(Backend.NETTY);
    }

    /** Returns true if the JDK backend is selected; never throws. */
    public static boolean usingJdk() {
        return Selection.using(Backend.JDK);
    }

    /** Returns a complete API on {@code backend}'s default loop, whatever the global selection. */
    public static TxApi of(Backend backend) {
        return new RealTxApi(Drivers.forBackend(backend));
    }

    /**
     * Returns a complete API bound to {@code loop}, whatever the global selection: txaio's
     * {@code with_config(loop=…)}.
     *
     * @param loop an aio4j {@code EventLoop}, a Netty {@code EventLoop} or a {@code ScheduledExecutorService}
     * @throws IllegalArgumentException if loop is null or none of these
     */
    public static TxApi withConfig(Object loop) {
        return new RealTxApi(Drivers.forLoop(loop));
    }

    /**
     * {@link #withConfig(Object)} on an aio4j loop: the aio4j backend.
     *
     * @throws IllegalArgumentException if loop is null
     */
    public static TxApi withConfig(io.aio4j.EventLoop loop) {
        return withConfig((Object) loop);
    }

    /**
     * {@link #withConfig(Object)} on a {@code ScheduledExecutorService}: the JDK backend, except
     * for a Netty {@code EventLoop} (which is a {@code ScheduledExecutorService} too), which gets
     * the Netty backend when aio4j-txaio-netty is present; so {@code withConfig(nettyLoop)} means
     * Netty whatever the static type. Give the JDK backend a single-threaded executor to keep
     * callbacks in order.
     *
     * @throws IllegalArgumentException if executor is null
     */
    public static TxApi withConfig(java.util.concurrent.ScheduledExecutorService executor) {
        return withConfig((Object) executor);
    }

    /** See {@link TxApi#backend()}. */
    public static Backend backend() {
        return api().backend();
    }

    // ---- futures ----

    /** See {@link TxApi#createFuture()}. */
    public static <T> TxFuture<T> createFuture() {
        return api().createFuture();
    }

    /** See {@link TxApi#createFuture(Consumer)}. */
    public static <T> TxFuture<T> createFuture(Consumer<TxFuture<T>> canceller) {
        return api().createFuture(canceller);
    }

    /** See {@link TxApi#createFutureSuccess(Object)}. */
    public static <T> TxFuture<T> createFutureSuccess(T result) {
        return api().createFutureSuccess(result);
    }

    /** See {@link TxApi#createFutureError(Throwable)}. */
    public static <T> TxFuture<T> createFutureError(Throwable error) {
        return api().createFutureError(error);
    }

    /** See {@link TxApi#createFutureError(IFailedFuture)}. */
    public static <T> TxFuture<T> createFutureError(IFailedFuture failure) {
        return api().createFutureError(failure);
    }

    /** See {@link TxApi#adoptTx}. */
    public static <T> TxFuture<T> adoptTx(Callable<? extends TxFuture<? extends T>> fn) {
        return api().adoptTx(fn);
    }

    /** See {@link TxApi#adoptStage}. */
    public static <T> TxFuture<T> adoptStage(Callable<? extends java.util.concurrent.CompletionStage<? extends T>> fn) {
        return api().adoptStage(fn);
    }

    /** See {@link TxApi#adoptAio4j}. */
    public static <T> TxFuture<T> adoptAio4j(Callable<? extends io.aio4j.Future<? extends T>> fn) {
        return api().adoptAio4j(fn);
    }

    /** See {@link TxApi#asFuture(Callable)}. */
    public static <T> TxFuture<T> asFuture(Callable<T> fn) {
        return api().asFuture(fn);
    }

    /** See {@link TxApi#isFuture(Object)}. */
    public static boolean isFuture(Object o) {
        return api().isFuture(o);
    }

    /** See {@link TxApi#isCalled(TxFuture)}. */
    public static boolean isCalled(TxFuture<?> future) {
        return api().isCalled(future);
    }

    /** See {@link TxApi#resolve(TxFuture, Object)}. */
    public static <T> void resolve(TxFuture<T> future, T value) {
        api().resolve(future, value);
    }

    /** See {@link TxApi#reject(TxFuture, Throwable)}. */
    public static void reject(TxFuture<?> future, Throwable error) {
        api().reject(future, error);
    }

    /** See {@link TxApi#reject(TxFuture, IFailedFuture)}. */
    public static void reject(TxFuture<?> future, IFailedFuture failure) {
        api().reject(future, failure);
    }

    /** See {@link TxApi#cancel(TxFuture)}. */
    public static void cancel(TxFuture<?> future) {
        api().cancel(future);
    }

    /** See {@link TxApi#cancel(TxFuture, String)}. */
    public static void cancel(TxFuture<?> future, String msg) {
        api().cancel(future, msg);
    }

    /** See {@link TxApi#addCallbacks(TxFuture, Function, Function)}. */
    public static <T, R> TxFuture<R> addCallbacks(TxFuture<T> future, Function<? super T, ? extends R> callback,
            Function<IFailedFuture, ? extends R> errback) {
        return api().addCallbacks(future, callback, errback);
    }

    /** See {@link TxApi#gather(List)}. */
    public static TxFuture<List<Object>> gather(List<? extends TxFuture<?>> futures) {
        return api().gather(futures);
    }

    /** See {@link TxApi#gather(List, boolean)}. */
    public static TxFuture<List<Object>> gather(List<? extends TxFuture<?>> futures, boolean consumeExceptions) {
        return api().gather(futures, consumeExceptions);
    }

    // ---- failures ----

    /** See {@link TxApi#createFailure(Throwable)}. */
    public static IFailedFuture createFailure(Throwable error) {
        return api().createFailure(error);
    }

    /** See {@link TxApi#failureMessage(IFailedFuture)}. */
    public static String failureMessage(IFailedFuture failure) {
        return api().failureMessage(failure);
    }

    /** See {@link TxApi#failureTraceback(IFailedFuture)}. */
    public static StackTraceElement[] failureTraceback(IFailedFuture failure) {
        return api().failureTraceback(failure);
    }

    /** See {@link TxApi#failureFormatTraceback(IFailedFuture)}. */
    public static String failureFormatTraceback(IFailedFuture failure) {
        return api().failureFormatTraceback(failure);
    }

    // ---- time ----

    /** See {@link TxApi#callLater(double, Runnable)}. */
    public static TxDelayedCall callLater(double delaySeconds, Runnable fn) {
        return api().callLater(delaySeconds, fn);
    }

    /** See {@link TxApi#makeBatchedTimer(double, int)}. */
    public static IBatchedTimer makeBatchedTimer(double bucketSeconds, int chunkSize) {
        return api().makeBatchedTimer(bucketSeconds, chunkSize);
    }

    /** See {@link TxApi#sleep(double)}. */
    public static TxFuture<Void> sleep(double seconds) {
        return api().sleep(seconds);
    }

    /** See {@link TxApi#timeNs()}; works before a backend is selected. */
    public static long timeNs() {
        return RealTxApi.wallClockNanos();
    }

    /** See {@link TxApi#perfCounterNs()}; works before a backend is selected. */
    public static long perfCounterNs() {
        return System.nanoTime();
    }

    // ---- logging ----

    /** See {@link TxApi#makeLogger()}: the namespace is the name of the class calling this. */
    public static ILogger makeLogger() {
        return api().makeLogger(RealTxApi.callerClassName());
    }

    /** See {@link TxApi#makeLogger(String)}. */
    public static ILogger makeLogger(String namespace) {
        return api().makeLogger(namespace);
    }

    /** See {@link TxApi#startLogging(PrintStream, String)}. */
    public static void startLogging(PrintStream out, String level) {
        api().startLogging(out, level);
    }

    /** See {@link TxApi#startLogging(String)}. */
    public static void startLogging(String level) {
        api().startLogging(level);
    }

    /** See {@link TxApi#setGlobalLogLevel(String)}. */
    public static void setGlobalLogLevel(String level) {
        api().setGlobalLogLevel(level);
    }

    /** See {@link TxApi#getGlobalLogLevel()}. */
    public static String getGlobalLogLevel() {
        return api().getGlobalLogLevel();
    }

    /** See {@link TxApi#addLogCategories(Map)}. */
    public static void addLogCategories(Map<String, String> categories) {
        api().addLogCategories(categories);
    }

    private static TxApi api() {
        return Selection.selected();
    }
}
