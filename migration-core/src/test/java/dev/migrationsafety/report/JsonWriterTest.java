package dev.migrationsafety.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class JsonWriterTest {
    @Test
    void writesNestedStructuresWithEscaping() {
        String json = new JsonWriter(false)
                .beginObject()
                .field("a", "x\"y\\z\n\u0001")
                .name("list")
                .beginArray()
                .value(1)
                .value(true)
                .nullValue()
                .beginObject()
                .endObject()
                .endArray()
                .name("empty")
                .beginArray()
                .endArray()
                .endObject()
                .toString();
        assertEquals("{\"a\":\"x\\\"y\\\\z\\n\\u0001\",\"list\":[1,true,null,{}],\"empty\":[]}", json);
    }

    @Test
    void prettyPrintsWithTwoSpaces() {
        String json = new JsonWriter().beginObject().field("a", 1).endObject().toString();
        assertEquals("{\n  \"a\": 1\n}\n", json);
    }
}
