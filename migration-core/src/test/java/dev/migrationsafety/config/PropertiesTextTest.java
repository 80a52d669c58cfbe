package dev.migrationsafety.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.junit.jupiter.api.Test;

class PropertiesTextTest {

    @Test
    void readsSeparatorsCommentsContinuationsAndEscapes() {
        String text =
                """
                # a comment
                ! another
                a=1
                b : two words
                c    three
                d = first,\\
                    second
                e=C:\\\\dir\\u0041
                a=again
                """;
        Map<String, PropertiesText.Entry> entries = PropertiesText.parse(text, "flyway.conf");
        assertEquals("again", entries.get("a").value());
        assertEquals(9, entries.get("a").line());
        assertEquals("two words", entries.get("b").value());
        assertEquals("three", entries.get("c").value());
        assertEquals("first,second", entries.get("d").value());
        assertEquals(6, entries.get("d").line());
        assertEquals("C:\\dirA", entries.get("e").value());
    }

    @Test
    void aLineWithoutSeparatorIsAnErrorWithItsLine() {
        ConfigFileException e = assertThrows(
                ConfigFileException.class, () -> PropertiesText.parse("a=1\n\nflyway.locations\n", "conf/flyway.conf"));
        assertEquals(
                "conf/flyway.conf:3: expected key=value, found 'flyway.locations' - write the setting as key=value (a"
                        + " value may be empty: key=), or start the line with # to make it a comment",
                e.getMessage());
    }

    @Test
    void aBrokenUnicodeEscapeIsAnError() {
        ConfigFileException e = assertThrows(
                ConfigFileException.class, () -> PropertiesText.parse("flyway.url=C:\\users\n", "flyway.conf"));
        assertEquals(
                "flyway.conf:1: '\\u' must be followed by four hexadecimal digits - write the character itself, or"
                        + " escape the backslash as \\\\ (e.g. in a Windows path)",
                e.getMessage());
    }
}
