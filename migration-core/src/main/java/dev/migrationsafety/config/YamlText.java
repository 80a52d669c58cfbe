package dev.migrationsafety.config;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the YAML of a Spring Boot {@code application.yml} into flat dotted keys ({@code spring.flyway.locations})
 * with the line of each, one map per document ({@code ---}). It understands block mappings and sequences (a
 * sequence of scalars becomes one comma-separated value, as Spring Boot binds it to a list), plain, quoted,
 * multi-line and block ({@code |}, {@code >}) scalars, flow collections ({@code [a, b]}, {@code {k: v}}), comments,
 * anchors and tags (ignored; an alias keeps its {@code *name} text). Anything else is refused with its line.
 */
final class YamlText {
    private record Frame(int indent, String path, boolean item, int line) {}

    private final List<String> lines;
    private final String display;
    private final List<Map<String, PropertiesText.Entry>> documents = new ArrayList<>();
    private Map<String, PropertiesText.Entry> current = new LinkedHashMap<>();
    private final Deque<Frame> stack = new ArrayDeque<>();
    private final Map<String, Integer> nextIndex = new HashMap<>();
    private int i;
    /** The key of the last plain scalar and its indent, for a scalar continued on the next lines. */
    private String lastPlainPath;

    private int lastPlainIndent = -1;

    private YamlText(String text, String display) {
        this.lines = text.lines().toList();
        this.display = display;
    }

    /**
     * @param display the file as error messages name it
     * @return one map per document, in file order
     * @throws ConfigFileException at the first line this reader cannot read
     */
    static List<Map<String, PropertiesText.Entry>> parse(String text, String display) {
        YamlText yaml = new YamlText(text, display);
        yaml.read();
        return yaml.documents;
    }

    private void read() {
        stack.push(new Frame(-1, "", false, 0));
        for (i = 0; i < lines.size(); i++) {
            String raw = lines.get(i);
            if (raw.startsWith("---") && (raw.length() == 3 || Character.isWhitespace(raw.charAt(3)))) {
                newDocument();
                continue;
            }
            if (raw.equals("...") || (raw.startsWith("%") && current.isEmpty())) {
                continue;
            }
            String content = withoutComment(raw);
            if (content.isBlank()) {
                continue;
            }
            int indent = 0;
            while (indent < content.length() && (content.charAt(indent) == ' ' || content.charAt(indent) == '\t')) {
                if (content.charAt(indent) == '\t') {
                    throw error("the line is indented with a tab", "indent YAML with spaces only");
                }
                indent++;
            }
            String text = content.strip();
            if (lastPlainPath != null && indent > lastPlainIndent && !looksLikeKey(text) && !text.startsWith("- ")) {
                PropertiesText.Entry e = current.get(lastPlainPath);
                current.put(lastPlainPath, new PropertiesText.Entry(e.value() + " " + text, e.line()));
                continue;
            }
            lastPlainPath = null;
            node(text, indent);
        }
        newDocument();
    }

    private void newDocument() {
        if (!current.isEmpty()) {
            documents.add(current);
        }
        current = new LinkedHashMap<>();
        stack.clear();
        stack.push(new Frame(-1, "", false, 0));
        nextIndex.clear();
        lastPlainPath = null;
    }

    private void node(String text, int indent) {
        if (text.equals("-") || text.startsWith("- ")) {
            item(text, indent);
        } else {
            while (stack.peek().indent() >= indent) {
                stack.pop();
            }
            key(text, indent);
        }
    }

    private void item(String text, int indent) {
        while (stack.peek().indent() > indent
                || (stack.peek().indent() == indent && stack.peek().item())) {
            stack.pop();
        }
        String parent = stack.peek().path();
        int keyLine = stack.peek().line();
        int index = nextIndex.merge(parent, 1, Integer::sum) - 1;
        String itemPath = parent + "[" + index + "]";
        String rest = text.substring(1).strip();
        stack.push(new Frame(indent, itemPath, true, i + 1));
        if (rest.isEmpty()) {
            return;
        }
        int restIndent = indent + text.indexOf(rest);
        if (rest.equals("-") || rest.startsWith("- ") || looksLikeKey(rest)) {
            node(rest, restIndent);
            return;
        }
        Object value = value(rest, indent);
        if (value instanceof String s) {
            PropertiesText.Entry list = current.get(parent);
            current.put(
                    parent,
                    list == null || index == 0
                            ? new PropertiesText.Entry(s, keyLine > 0 ? keyLine : i + 1)
                            : new PropertiesText.Entry(list.value() + "," + s, list.line()));
        } else {
            put(itemPath, value, i + 1);
        }
    }

    private void key(String text, int indent) {
        int colon = keyEnd(text);
        if (colon < 0) {
            throw error(
                    "expected 'key: value', a list item '- value' or a comment, found '"
                            + PropertiesText.abbreviate(text) + "'",
                    "put a space after the colon of key: value, indent a value that goes on from the line above"
                            + " under its key, or start the line with # to make it a comment");
        }
        String key = unquote(text.substring(0, colon).strip());
        String rest = text.substring(colon + 1).strip();
        String parent = stack.peek().path();
        String path = parent.isEmpty() ? key : parent + "." + key;
        if (key.equals("<<")) {
            return; // a merge of an anchored mapping: not followed
        }
        rest = withoutAnchorAndTag(rest);
        int line = i + 1;
        if (rest.isEmpty()) {
            stack.push(new Frame(indent, path, false, line));
            return;
        }
        if (rest.startsWith("|") || rest.startsWith(">")) {
            put(path, blockScalar(rest.startsWith("|"), indent), line);
            return;
        }
        Object value = value(rest, indent);
        put(path, value, line);
        if (value instanceof String && !(rest.startsWith("\"") || rest.startsWith("'"))) {
            lastPlainPath = path;
            lastPlainIndent = indent;
        }
    }

    /** A scalar, quoted string or flow collection, read on from the next lines while it is not closed. */
    private Object value(String rest, int indent) {
        String v = rest;
        char first = v.charAt(0);
        if (first == '[' || first == '{' || first == '"' || first == '\'') {
            int startLine = i + 1;
            while (!Flow.closed(v)) {
                if (i + 1 >= lines.size()) {
                    throw new ConfigFileException(
                            display,
                            startLine,
                            "the " + (first == '[' ? "list" : first == '{' ? "mapping" : "quoted string")
                                    + " is not closed",
                            "close it with " + (first == '[' ? "]" : first == '{' ? "}" : String.valueOf(first)));
                }
                i++;
                v = v + " " + withoutComment(lines.get(i)).strip();
            }
            try {
                return Flow.parse(v);
            } catch (IllegalArgumentException e) {
                throw new ConfigFileException(
                        display, startLine, e.getMessage(), "write it as [a, b], {key: value} or a quoted string");
            }
        }
        if (v.equals("~") || v.equals("null")) {
            return "";
        }
        return v;
    }

    private String blockScalar(boolean literal, int keyIndent) {
        StringBuilder out = new StringBuilder();
        int blockIndent = -1;
        while (i + 1 < lines.size()) {
            String next = lines.get(i + 1);
            int nextIndent = next.length() - next.stripLeading().length();
            if (!next.isBlank() && nextIndent <= keyIndent) {
                break;
            }
            i++;
            if (next.isBlank()) {
                out.append('\n');
                continue;
            }
            if (blockIndent < 0) {
                blockIndent = nextIndent;
            }
            if (out.length() > 0 && out.charAt(out.length() - 1) != '\n') {
                out.append(literal ? '\n' : ' ');
            }
            out.append(next.substring(Math.min(blockIndent, nextIndent)));
        }
        return out.toString().strip();
    }

    private void put(String path, Object value, int line) {
        if (value instanceof Map<?, ?> map) {
            map.forEach((k, v) -> put(path + "." + k, v, line));
        } else if (value instanceof List<?> list) {
            List<String> parts = new ArrayList<>();
            for (Object o : list) {
                parts.add(String.valueOf(o));
            }
            current.put(path, new PropertiesText.Entry(String.join(",", parts), line));
        } else {
            current.put(path, new PropertiesText.Entry(String.valueOf(value), line));
        }
    }

    /** Where the key of {@code key: value} ends: a colon followed by a space or the end, outside quotes; or -1. */
    private static int keyEnd(String text) {
        int start = 0;
        if (text.startsWith("\"") || text.startsWith("'")) {
            int close = text.indexOf(text.charAt(0), 1);
            if (close < 0) {
                return -1;
            }
            start = close + 1;
        }
        for (int c = start; c < text.length(); c++) {
            if (text.charAt(c) == ':' && (c + 1 == text.length() || text.charAt(c + 1) == ' ')) {
                return c;
            }
        }
        return -1;
    }

    private static boolean looksLikeKey(String text) {
        char c = text.charAt(0);
        return c != '[' && c != '{' && keyEnd(text) > 0;
    }

    private static String unquote(String key) {
        if (key.length() >= 2 && (key.charAt(0) == '"' || key.charAt(0) == '\'') && key.endsWith(key.substring(0, 1))) {
            return key.substring(1, key.length() - 1);
        }
        return key;
    }

    private static String withoutAnchorAndTag(String rest) {
        String r = rest;
        while (r.startsWith("&") || r.startsWith("!")) {
            int space = r.indexOf(' ');
            r = space < 0 ? "" : r.substring(space + 1).strip();
        }
        return r;
    }

    /** The line without its comment: a {@code #} at the start or after a blank, outside quotes. */
    static String withoutComment(String line) {
        char quote = 0;
        for (int c = 0; c < line.length(); c++) {
            char ch = line.charAt(c);
            char before = c == 0 ? ' ' : line.charAt(c - 1);
            if (quote != 0) {
                if (ch == quote) {
                    quote = 0;
                }
            } else if ((ch == '"' || ch == '\'') && " :[{,-".indexOf(before) >= 0) {
                quote = ch;
            } else if (ch == '#' && Character.isWhitespace(before)) {
                return line.substring(0, c);
            } else if (ch == '#' && c == 0) {
                return "";
            }
        }
        return line;
    }

    private ConfigFileException error(String problem, String fix) {
        return new ConfigFileException(display, i + 1, problem, fix);
    }
}
