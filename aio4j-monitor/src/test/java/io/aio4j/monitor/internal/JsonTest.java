package io.aio4j.monitor.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;

/** The monitor's JSON writer, read back by an independent parser (Gson). */
class JsonTest {
    @Test
    void stringsRoundTripWhateverTheyHold() {
        String[] hostile = {"", "plain", "quote \" backslash \\ slash /", "<script>alert(1)</script>", "<img src=x onerror=alert(1)>",
            "tab\tnew\nline\rcr \u0000 \u001f \u007f", "line sep \u2028 para sep \u2029", "emoji \uD83D\uDE00 ok",
            "lone high \uD800 and lone low \uDC00", "'single' & \"double\""};
        Json j = new Json().beginArray();
        for (String s : hostile) {
            j.value(s);
        }
        String text = j.endArray().toString();
        JsonArray back = JsonParser.parseString(text).getAsJsonArray();
        for (int i = 0; i < hostile.length; i++) {
            String expected = hostile[i].replace('\uD800', '\uFFFD').replace('\uDC00', '\uFFFD');
            String got = back.get(i).getAsString().replace('\uD800', '\uFFFD').replace('\uDC00', '\uFFFD');
            assertEquals(expected, got, "element " + i);
        }
        for (char c : new char[] {'<', '>', '&', '\'', '\u2028', '\u2029', '\u0000', '\n'}) {
            assertFalse(text.indexOf(c) >= 0, "raw " + (int) c + " in " + text);
        }
    }

    @Test
    void objectsArraysAndNumbersNest() {
        String text = new Json().beginObject().field("a", 1).field("b", 2.5).field("nan", Double.NaN)
                .field("inf", Double.POSITIVE_INFINITY).field("tiny", 1e-7).field("t", true).name("n").nullValue()
                .name("list").beginArray().value(1).beginObject().endObject().beginArray().endArray().value("x").endArray()
                .name("empty").beginObject().endObject().endObject().toString();
        JsonObject o = JsonParser.parseString(text).getAsJsonObject();
        assertEquals(1, o.get("a").getAsInt());
        assertEquals(2.5, o.get("b").getAsDouble());
        assertTrue(o.get("nan").isJsonNull());
        assertTrue(o.get("inf").isJsonNull());
        assertEquals(1e-7, o.get("tiny").getAsDouble());
        assertTrue(o.get("t").getAsBoolean());
        assertTrue(o.get("n").isJsonNull());
        assertEquals(4, o.getAsJsonArray("list").size());
        assertEquals("x", o.getAsJsonArray("list").get(3).getAsString());
        assertEquals(0, o.getAsJsonObject("empty").size());
    }
}
