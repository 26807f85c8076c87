/**
 * Testing aio4j code on virtual time: {@link io.aio4j.test.TestLoop} (a loop whose clock moves
 * only when the test moves it, or jumps to the next timer when the loop is idle; with
 * {@code runCurrent}, {@code advanceUntilIdle}, a {@link io.aio4j.test.BackgroundScope} and an
 * {@code InstantSource} clock), {@link io.aio4j.test.AioTest} and
 * {@link io.aio4j.test.WithTestLoop} (JUnit 5 tests run as main tasks of a fresh
 * {@code TestLoop}, failing on leftover tasks, unretrieved exceptions, unawaited coroutines,
 * unclosed resources and errors reported to the loop), and
 * {@link io.aio4j.test.TestTransports} (in-memory connections for protocol tests).
 */
package io.aio4j.test;
