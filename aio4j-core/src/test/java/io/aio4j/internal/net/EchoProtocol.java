package io.aio4j.internal.net;

import io.aio4j.net.Protocol;
import io.aio4j.net.Transport;
import java.nio.ByteBuffer;

/** A server protocol that writes back what it receives and closes on EOF. */
class EchoProtocol implements Protocol {
    Transport transport;

    @Override
    public void connectionMade(Transport t) {
        transport = t;
    }

    @Override
    public void dataReceived(ByteBuffer data) {
        transport.write(data);
    }
}
