package io.aio4j.txaio.conformance;

import io.aio4j.txaio.Backend;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.provider.Arguments;

/**
 * The backends every conformance test runs on: {@code @MethodSource("io.aio4j.txaio.conformance.Harnesses#all")}.
 */
final class Harnesses {
    private Harnesses() {
    }

    /** The backends whose selection tests run. */
    static List<Backend> backends() {
        return List.of(Backend.AIO4J, Backend.JDK, Backend.NETTY);
    }

    static Stream<Arguments> all() {
        return Stream.of(
                Arguments.of(Named.of("aio4j", new Aio4jHarness())),
                Arguments.of(Named.of("jdk", new JdkHarness())),
                Arguments.of(Named.of("netty", new NettyHarness())));
    }
}
