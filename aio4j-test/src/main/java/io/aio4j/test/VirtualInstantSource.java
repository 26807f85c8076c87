package io.aio4j.test;

import java.time.Instant;
import java.time.InstantSource;

/** {@link TestLoop#clock()}: the virtual clock as instants from an origin. Any thread. */
record VirtualInstantSource(VirtualClock clock, Instant origin) implements InstantSource {
    @Override
    public Instant instant() {
        return origin.plusNanos(clock.nanoTime());
    }

    @Override
    public long millis() {
        return instant().toEpochMilli();
    }

    @Override
    public String toString() {
        return "TestLoop.clock(origin=" + origin + ", now=" + instant() + ")";
    }
}
