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
final class TomlText {
    private final String text;
    private final String display;
    private final Map<String, PropertiesText.Entry> entries = new LinkedHashMap<>();
    private int pos;
    private int line = 1;

    private TomlText(String text, String display) {
        this.text = text;
        this.display = display;
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

    private String singleLineString() {
        char quote = peek();
        pos++;
        StringBuilder out = new StringBuilder();
        while (pos < text.length() && text.charAt(pos) != quote && text.charAt(pos) != '\n') {
            char c = text.charAt(pos++);
            if (c == '\\' && quote == '"') {
                out.append(escape());
            } else {
                out.append(c);
            }
        }
        if (pos >= text.length() || text.charAt(pos) != quote) {
            throw error(
                    "the string is not closed on its line",
                    "end it with " + quote + " (or use " + quote + quote + quote + " for text over several lines)");
        }
        pos++;
        return out.toString();
    }

    private String multiLineString(char quote) {
        int startLine = line;
        String delimiter = String.valueOf(quote).repeat(3);
        pos += 3;
        if (text.startsWith("\r\n", pos)) {
            pos += 2;
            line++;
        } else if (text.startsWith("\n", pos)) {
            pos++;
            line++;
        }
        StringBuilder out = new StringBuilder();
        while (pos < text.length() && !text.startsWith(delimiter, pos)) {
            char c = text.charAt(pos++);
            if (c == '\n') {
                line++;
            }
            if (c == '\\' && quote == '"') {
                out.append(escape());
            } else {
                out.append(c);
            }
        }
        if (pos >= text.length()) {
            throw new ConfigFileException(display, startLine, "the string is not closed", "end it with " + delimiter);
        }
        pos += 3;
        return out.toString();
    }

    private String escape() {
        if (pos >= text.length()) {
            return "\\";
        }
        char c = text.charAt(pos++);
        switch (c) {
            case 'n':
                return "\n";
            case 't':
                return "\t";
            case 'r':
                return "\r";
            case 'b':
                return "\b";
            case 'f':
                return "\f";
            case '"':
            case '\\':
                return String.valueOf(c);
            case 'u':
            case 'U':
                int n = c == 'u' ? 4 : 8;
                if (pos + n <= text.length() && text.substring(pos, pos + n).matches("[0-9a-fA-F]+")) {
                    int code = Integer.parseInt(text.substring(pos, pos + n), 16);
                    pos += n;
                    return Character.toString(code);
                }
                break;
            case '\n':
            case ' ':
            case '\r':
                // a line-ending backslash in a multi-line string: the line break and leading blanks go
                pos--;
                while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
                    if (text.charAt(pos) == '\n') {
                        line++;
                    }
                    pos++;
                }
                return "";
            default:
                break;
        }
        throw error(
                "'\\" + c + "' is not a TOML escape",
                "write a backslash as \\\\, or use single quotes for text with backslashes, e.g. 'C:\\dir'");
    }

    private void endOfLine() {
        skipSpaces();
        if (pos < text.length() && peek() == '#') {
            skipComment();
        }
        if (pos < text.length() && peek() != '\n' && peek() != '\r') {
            throw error(
                    "unexpected " + found() + " after the value",
                    "put each setting on its own line; text after a value must be a # comment");
        }
    }

    private void skipBlankLines() {
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c == '\n') {
                line++;
                pos++;
            } else if (c == ' ' || c == '\t' || c == '\r') {
                pos++;
            } else if (c == '#') {
                skipComment();
            } else {
                return;
            }
        }
    }

    private void skipComment() {
        while (pos < text.length() && text.charAt(pos) != '\n') {
            pos++;
        }
    }

    private void skipSpaces() {
        while (pos < text.length() && (text.charAt(pos) == ' ' || text.charAt(pos) == '\t')) {
            pos++;
        }
    }

    private void expect(char c, String fix) {
        if (peek() != c) {
            throw error("expected " + c + ", found " + found(), fix);
        }
        pos++;
    }

    private char peek() {
        return pos < text.length() ? text.charAt(pos) : '\0';
    }

    private String found() {
        if (pos >= text.length()) {
            return "the end of the file";
        }
        if (peek() == '\n' || peek() == '\r') {
            return "the end of the line";
        }
        int end = text.indexOf('\n', pos);
        return "'" + PropertiesText.abbreviate(text.substring(pos, end < 0 ? text.length() : end)) + "'";
    }

    private ConfigFileException error(String problem, String fix) {
        return new ConfigFileException(display, line, problem, fix);
    }

    private static boolean isBareKeyChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
    }
}
