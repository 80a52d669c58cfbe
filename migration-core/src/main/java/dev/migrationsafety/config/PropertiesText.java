package dev.migrationsafety.config;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the text of a {@code .properties} file ({@code flyway.conf}, {@code application.properties}) with the line
 * of every key: comments ({@code #}, {@code !}), {@code key=value} or {@code key: value}, lines continued with a
 * trailing backslash and the usual escapes. Stricter than {@link java.util.Properties} in one way that catches
 * mistakes: a line must have a separator, so a lone {@code flyway.locations} is an error instead of an empty value.
 */
final class PropertiesText {

    /** A value and the line its key is on (the first line of a continued value). */
    record Entry(String value, int line) {}

    private PropertiesText() {}

    /**
     * @param display the file as error messages name it
     * @return the entries by key, in file order; a repeated key keeps its last value, as in Java
     * @throws ConfigFileException for a line without a separator or with a broken escape
     */
    static Map<String, Entry> parse(String text, String display) {
        Map<String, Entry> entries = new LinkedHashMap<>();
        List<String> lines = text.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            int first = i + 1;
            String line = stripLeading(lines.get(i));
            if (line.isEmpty() || line.startsWith("#") || line.startsWith("!")) {
                continue;
            }
            StringBuilder logical = new StringBuilder();
            while (endsWithContinuation(line) && i + 1 < lines.size()) {
                logical.append(line, 0, line.length() - 1);
                line = stripLeading(lines.get(++i));
            }
            logical.append(endsWithContinuation(line) ? line.substring(0, line.length() - 1) : line);
            int sep = keyEnd(logical);
            if (sep < 0) {
                throw new ConfigFileException(
                        display,
                        first,
                        "expected key=value, found '" + abbreviate(logical.toString()) + "'",
                        "write the setting as key=value (a value may be empty: key=), or start the line with # to"
                                + " make it a comment");
            }
            String key = unescape(logical.substring(0, sep).strip(), display, first);
            String value = unescape(stripLeading(logical.substring(valueStart(logical, sep))), display, first);
            if (key.isEmpty()) {
                throw new ConfigFileException(
                        display, first, "the line has a value but no key", "write the setting as key=value");
            }
            entries.remove(key);
            entries.put(key, new Entry(value, first));
        }
        return entries;
    }

    /** Where the key ends: at the first unescaped {@code =}, {@code :} or whitespace, as in Java; -1 if nowhere. */
    private static int keyEnd(CharSequence line) {
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '=' || c == ':' || Character.isWhitespace(c)) {
                return i;
            }
        }
        return -1;
    }

    /** Where the value starts after the key: past whitespace and one {@code =} or {@code :}. */
    private static int valueStart(CharSequence line, int keyEnd) {
        int i = keyEnd;
        while (i < line.length() && Character.isWhitespace(line.charAt(i))) {
            i++;
        }
        if (i < line.length() && (line.charAt(i) == '=' || line.charAt(i) == ':')) {
            i++;
        }
        return i;
    }

    private static boolean endsWithContinuation(String line) {
        int backslashes = 0;
        for (int i = line.length() - 1; i >= 0 && line.charAt(i) == '\\'; i--) {
            backslashes++;
        }
        return backslashes % 2 == 1;
    }

    private static String unescape(String s, String display, int line) {
        if (s.indexOf('\\') < 0) {
            return s;
        }
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != '\\' || i + 1 == s.length()) {
                out.append(c);
                continue;
            }
            char next = s.charAt(++i);
            switch (next) {
                case 't' -> out.append('\t');
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                case 'f' -> out.append('\f');
                case 'u' -> {
                    if (i + 5 > s.length() || !s.substring(i + 1, i + 5).matches("[0-9a-fA-F]{4}")) {
                        throw new ConfigFileException(
                                display,
                                line,
                                "'\\u' must be followed by four hexadecimal digits",
                                "write the character itself, or escape the backslash as \\\\ (e.g. in a Windows"
                                        + " path)");
                    }
                    out.append((char) Integer.parseInt(s.substring(i + 1, i + 5), 16));
                    i += 4;
                }
                default -> out.append(next);
            }
        }
        return out.toString();
    }

    private static String stripLeading(String s) {
        return s.stripLeading();
    }

    static String abbreviate(String s) {
        String t = s.strip();
        return t.length() > 60 ? t.substring(0, 57) + "..." : t;
    }
}
