package io.aio4j.txaio.internal.log;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LogFormatterTest {

    public static final class Bean {
        public final String field = "public field";

        public String getName() {
            return "getter";
        }

        public boolean isReady() {
            return true;
        }
    }

    record Pair(String left, Object right) {
    }

    private static String format(String template, Object... kv) {
        Map<String, Object> values = new HashMap<>();
        for (int i = 0; i < kv.length; i += 2) values.put((String) kv[i], kv[i + 1]);
        return LogFormatter.format(template, values);
    }

    @Test
    void namesAreReplacedByTheirValues() {
        assertEquals("a=1 b=two", format("a={a} b={b}", "a", 1, "b", "two"));
    }

    @Test
    void nullValuesPrintAsNull() {
        assertEquals("x=null", format("x={x}", "x", null));
    }

    @Test
    void attributesComeFromRecordsFieldsAndGetters() {
        assertEquals("L public field getter true",
                format("{p.left} {b.field} {b.name} {b.ready}", "p", new Pair("L", null), "b", new Bean()));
    }

    @Test
    void indexesReachIntoListsArraysAndMaps() {
        Map<Object, Object> numbered = new HashMap<>();
        numbered.put(7, "int key");
        assertEquals("c 2 v int key", format("{l[2]} {a[1]} {m[k]} {n[7]}",
                "l", List.of("a", "b", "c"), "a", new int[] {1, 2}, "m", Map.of("k", "v"), "n", numbered));
    }

    @Test
    void chainsMixAttributesAndIndexes() {
        assertEquals("deep", format("{p.right[0].left}", "p", new Pair("x", List.of(new Pair("deep", null)))));
    }

    @Test
    void doubledBracesAreLiterals() {
        assertEquals("{x} }", format("{{x}} }}", "x", 1));
    }

    @Test
    void conversionsAndSpecsAreIgnored() {
        assertEquals("5 5", format("{n!r} {n:>10}", "n", 5));
    }

    @Test
    void anythingUnresolvableIsCopiedAsWritten() {
        String template = "{nope} {p.missing} {l[5]} {l[x]} {m[absent]} {} {n.x} {unclosed";
        assertEquals(template, format(template, "p", new Pair("a", null), "l", List.of(), "m", Map.of(), "n", null));
    }

    @Test
    void arraysPrintTheirElements() {
        assertEquals("[1, 2] [a, b]", format("{i} {s}", "i", new int[] {1, 2}, "s", new String[] {"a", "b"}));
    }

    @Test
    void aFailingToStringDoesNotEscape() {
        Object bad = new Object() {
            @Override
            public String toString() {
                throw new IllegalStateException("no");
            }
        };
        String out = format("{b}", "b", bad);
        assertEquals(true, out.contains("toString() failed"), out);
    }
}
