/**
 * Testing aio4j code: {@link io.aio4j.test.TestLoop}, an event loop on virtual time, and
 * {@link io.aio4j.test.AioTest}, JUnit 5 test methods that run as the main task of one.
 */
module io.aio4j.test {
    requires transitive io.aio4j;
    requires transitive org.junit.jupiter.api;

    exports io.aio4j.test;
}
