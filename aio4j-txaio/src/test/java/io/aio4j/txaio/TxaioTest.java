package io.aio4j.txaio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.aio4j.txaio.internal.Selection;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The facade without the Netty module on the class path (the conformance suite in
 * aio4j-txaio-netty covers selection with all three backends).
 */
class TxaioTest {

    @BeforeEach
    @AfterEach
    void forgetTheSelection() {
        Selection.resetForTests();
    }

    @Test
    void nettyWithoutItsModuleSaysWhatToAdd() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> Txaio.of(Backend.NETTY));
        assertEquals("Backend 'netty' is not available: put aio4j-txaio-netty on the class path or module path", e.getMessage());
        assertThrows(IllegalStateException.class, Txaio::useNetty);
        assertEquals(false, Txaio.usingNetty());
    }

    @Test
    void aFailedSelectionLeavesNothingSelected() {
        assertThrows(IllegalStateException.class, Txaio::useNetty);
        Txaio.useJdk();
        assertTrue(Txaio.usingJdk());
    }

    @Test
    void backendNamesInMessagesAreLowerCase() {
        assertEquals("aio4j", Backend.AIO4J.toString());
        assertEquals("netty", Backend.NETTY.toString());
        assertEquals("jdk", Backend.JDK.toString());
    }

    @Test
    void timeHelpersWorkBeforeSelection() {
        assertTrue(Txaio.timeNs() > 1_700_000_000L * 1_000_000_000L);
        long a = Txaio.perfCounterNs();
        assertTrue(Txaio.perfCounterNs() >= a);
        assertThrows(IllegalStateException.class, Txaio::createFuture);
    }
}
