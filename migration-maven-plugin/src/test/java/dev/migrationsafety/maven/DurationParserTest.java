package dev.migrationsafety.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DurationParserTest {

    @Test
    void readsTheFormsUsersWrite() {
        assertEquals(Duration.ofMinutes(5), DurationParser.parse("5m"));
        assertEquals(Duration.ofSeconds(300), DurationParser.parse(" 300s "));
        assertEquals(Duration.ofMillis(500), DurationParser.parse("500ms"));
        assertEquals(Duration.ofHours(1), DurationParser.parse("1h"));
        assertEquals(Duration.ofMinutes(5), DurationParser.parse("PT5M"));
        assertEquals(Duration.ofSeconds(42), DurationParser.parse("42"));
    }

    @Test
    void rejectsWithTheFormsItKnows() {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> DurationParser.parse("5 minutes"));
        assertEquals("duration '5 minutes' is not understood; write e.g. 300s, 5m, 1h or PT5M", e.getMessage());
    }
}
