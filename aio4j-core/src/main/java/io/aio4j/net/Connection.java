package io.aio4j.net;

/** The result of {@code createConnection}: the transport and the protocol the factory made. */
public record Connection<P extends Protocol>(Transport transport, P protocol) {
}
