package io.aio4j.net;

/** The result of {@code createDatagramEndpoint}: the transport and the protocol the factory made. */
public record DatagramEndpoint<P extends DatagramProtocol>(DatagramTransport transport, P protocol) {
}
