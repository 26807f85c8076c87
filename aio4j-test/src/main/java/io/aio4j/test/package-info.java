/**
 * Testing aio4j code on virtual time: {@link io.aio4j.test.TestLoop} (a loop whose clock moves
 * only when the test moves it, or jumps to the next timer when the loop is idle) and
 * {@link io.aio4j.test.AioTest} (a JUnit 5 test method run as the main task of a fresh
 * {@code TestLoop}, failing on leftover tasks and on errors reported to the loop).
 */
package io.aio4j.test;
