package dev.migrationsafety.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the TOML that {@code flyway.toml} is written in into flat dotted keys ({@code environments.default.url},
 * {@code flyway.locations}) with the line of each: tables ({@code [a.b]}), dotted and quoted keys, basic, literal and
 * multi-line strings, numbers, booleans, dates, arrays (lists become comma-separated values, as in
 * {@code flyway.conf}) and inline tables. Arrays of tables ({@code [[...]]}), which Flyway's configuration does not
 * use, are refused with the line. Written here, not taken from a library, because the plugin reads a few keys of
 * one file and every dependency of a Maven plugin lands in its users' builds.
 */
final class TomlText extends TomlCursor {
    private final Map<String, PropertiesText.Entry> entries = new LinkedHashMap<>();

    private TomlText(String text, String display) {
        super(text, display);
    }

    /**
     * @param display the file as error messages name it
     * @throws ConfigFileException at the first line that is not TOML this reader understands
     */
    static Map<String, PropertiesText.Entry> parse(String text, String display) {
        TomlText toml = new TomlText(text, display);
        toml.document();
        return toml.entries;
    }

    private void document() {
        String table = "";
        while (true) {
            skipBlankLines();
            if (pos >= text.length()) {
                return;
            }
            if (peek() == '[') {
                if (text.startsWith("[[", pos)) {
                    throw error(
                            "arrays of tables ([[...]]) are not part of Flyway's configuration",
                            "remove it from flyway.toml, or turn off reading Flyway's files with"
                                    + " -Dmigration.flywayConfig=false");
                }
                pos++;
                table = String.join(".", key()) + ".";
                skipSpaces();
                expect(']', "close the table name with ]");
                endOfLine();
            } else {
                int keyLine = line;
                List<String> key = key();
                skipSpaces();
                expect('=', "write key = value");
                skipSpaces();
                Object value = value();
                put(table + String.join(".", key), value, keyLine);
                endOfLine();
            }
        }
    }

    private void put(String key, Object value, int keyLine) {
        if (value instanceof Map<?, ?> map) {
            map.forEach((k, v) -> put(key + "." + k, v, keyLine));
            return;
        }
        if (entries.containsKey(key)) {
            throw new ConfigFileException(
                    display,
                    keyLine,
                    "'" + key + "' is set twice (first on line "
                            + entries.get(key).line() + ")",
                    "keep one of them; TOML does not allow a key twice");
        }
        entries.put(key, new PropertiesText.Entry(flat(value), keyLine));
    }

    private static String flat(Object value) {
        if (value instanceof List<?> list) {
            List<String> parts = new ArrayList<>();
            list.forEach(v -> parts.add(flat(v)));
            return String.join(",", parts);
        }
        return String.valueOf(value);
    }

    private List<String> key() {
        List<String> parts = new ArrayList<>();
        while (true) {
            skipSpaces();
            char c = peek();
            if (c == '"' || c == '\'') {
                parts.add(singleLineString());
            } else {
                int start = pos;
                while (pos < text.length() && isBareKeyChar(text.charAt(pos))) {
                    pos++;
                }
                if (start == pos) {
                    throw error(
                            "expected a key, found " + found(),
                            "keys are letters, digits, - and _, or a quoted string; write key = value");
                }
                parts.add(text.substring(start, pos));
            }
            skipSpaces();
            if (peek() != '.') {
                return parts;
            }
            pos++;
        }
    }

    private Object value() {
        char c = peek();
        if (c == '"' || c == '\'') {
            return text.startsWith(String.valueOf(c).repeat(3), pos) ? multiLineString(c) : singleLineString();
        }
        if (c == '[') {
            return array();
        }
        if (c == '{') {
            return inlineTable();
        }
        int start = pos;
        while (pos < text.length() && " \t\r\n,]}#".indexOf(text.charAt(pos)) < 0) {
            pos++;
        }
        String token = text.substring(start, pos);
        // a date-time may hold one space: 1979-05-27 07:32:00
        if (token.matches("\\d{4}-\\d{2}-\\d{2}")
                && text.startsWith(" ", pos)
                && pos + 1 < text.length()
                && Character.isDigit(text.charAt(pos + 1))) {
            pos++;
            while (pos < text.length() && " \t\r\n,]}#".indexOf(text.charAt(pos)) < 0) {
                pos++;
            }
            token = text.substring(start, pos);
        }
        if (token.isEmpty()) {
            throw error("expected a value, found " + found(), "write a quoted string, a number, true or false");
        }
        if (!token.matches("true|false|[+-]?(inf|nan)|[+-]?[0-9][0-9_]*(\\.[0-9_]+)?([eE][+-]?[0-9]+)?"
                + "|0[xob][0-9a-fA-F_]+|\\d{4}-\\d{2}-\\d{2}([Tt ][0-9:.]+([Zz]|[+-][0-9:]+)?)?|[0-9:.]+")) {
            throw error(
                    "the value " + token + " is not quoted",
                    "write text in double quotes, e.g. \"" + token.replace("\"", "\\\"") + "\"");
        }
        return token;
    }

    private List<Object> array() {
        int startLine = line;
        pos++;
        List<Object> items = new ArrayList<>();
        while (true) {
            skipBlankLines();
            if (pos >= text.length()) {
                throw new ConfigFileException(
                        display, startLine, "the array is not closed", "close it with ] after its last value");
            }
            if (peek() == ']') {
                pos++;
                return items;
            }
            items.add(value());
            skipBlankLines();
            if (peek() == ',') {
                pos++;
            } else if (peek() != ']') {
                throw error("expected , or ] in the array, found " + found(), "separate the values with commas");
            }
        }
    }

    private Map<String, Object> inlineTable() {
        pos++;
        Map<String, Object> table = new LinkedHashMap<>();
        skipSpaces();
        if (peek() == '}') {
            pos++;
            return table;
        }
        while (true) {
            List<String> key = key();
            skipSpaces();
            expect('=', "write { key = value, ... }");
            skipSpaces();
            table.put(String.join(".", key), value());
            skipSpaces();
            if (peek() == '}') {
                pos++;
                return table;
            }
            expect(',', "separate the entries of an inline table with commas and close it with } on the same line");
        }
    }
}
