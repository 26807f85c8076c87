package io.aio4j.internal.net;

import io.aio4j.Aio;
import io.aio4j.Future;
import io.aio4j.net.Protocol;
import io.aio4j.net.Transport;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;

/** A client protocol that records every event, with futures to await them. */
class Collector implements Protocol {
    final ByteArrayOutputStream received = new ByteArrayOutputStream();
    final Future<Void> made = Aio.getRunningLoop().createFuture();
    final Future<Void> eof = Aio.getRunningLoop().createFuture();
    final Future<Throwable> lost = Aio.getRunningLoop().createFuture();
    Transport transport;
    int pauses;
    int resumes;
    boolean keepOpenOnEof;
    private Future<Void> dataWaiter;
    private int wanted;

    @Override
    public void connectionMade(Transport t) {
        transport = t;
        made.setResult(null);
    }

    @Override
    public void dataReceived(ByteBuffer data) {
        byte[] b = new byte[data.remaining()];
        data.get(b);
        received.writeBytes(b);
        if (dataWaiter != null && received.size() >= wanted && !dataWaiter.isDone()) {
            dataWaiter.setResult(null);
        }
    }

    @Override
    public boolean eofReceived() {
        eof.setResult(null);
        return keepOpenOnEof;
    }

    @Override
    public void connectionLost(Throwable error) {
        lost.setResult(error);
        if (dataWaiter != null && !dataWaiter.isDone()) {
            dataWaiter.setResult(null);
        }
    }

    @Override
    public void pauseWriting() {
        pauses++;
    }

    @Override
    public void resumeWriting() {
        resumes++;
    }

    /** Suspends until {@code n} bytes in all have been received (or the connection is lost). */
    byte[] awaitBytes(int n) {
        if (received.size() < n && !lost.isDone()) {
            wanted = n;
            dataWaiter = Aio.getRunningLoop().createFuture();
            Aio.await(dataWaiter);
        }
        return received.toByteArray();
    }
}
