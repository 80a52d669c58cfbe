package dev.migrationsafety.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** YAML's one-line forms: quoted scalars and flow collections ({@code [a, "b"]}, {@code {k: v}}). */
final class Flow {
    private final String text;
    private int pos;

    private Flow(String text) {
        this.text = text;
    }

    /** Whether the brackets and quotes of a value are all closed (else it goes on on the next line). */
    static boolean closed(String v) {
        int depth = 0;
        char quote = 0;
        for (int c = 0; c < v.length(); c++) {
            char ch = v.charAt(c);
            if (quote != 0) {
                if (ch == '\\' && quote == '"') {
                    c++;
                } else if (ch == quote) {
                    if (quote == '\'' && c + 1 < v.length() && v.charAt(c + 1) == '\'') {
                        c++;
                    } else {
                        quote = 0;
                    }
                }
            } else if (ch == '"' || ch == '\'') {
                quote = ch;
            } else if (ch == '[' || ch == '{') {
                depth++;
            } else if (ch == ']' || ch == '}') {
                depth--;
            }
        }
        return quote == 0 && depth <= 0;
    }

    /**
     * A quoted scalar (its text) or a flow collection (a list or map of such values).
     *
     * @throws IllegalArgumentException saying what is wrong
     */
    static Object parse(String v) {
        Flow flow = new Flow(v.strip());
        Object value = flow.value(false);
        flow.spaces();
        if (flow.pos < flow.text.length()) {
            throw new IllegalArgumentException(
                    "unexpected '" + PropertiesText.abbreviate(flow.text.substring(flow.pos)) + "' after the value");
        }
        return value;
    }

    private Object value(boolean inFlow) {
        spaces();
        if (pos >= text.length()) {
            return "";
        }
        char c = text.charAt(pos);
        if (c == '"' || c == '\'') {
            return quoted(c);
        }
        if (c == '[') {
            pos++;
            List<Object> list = new ArrayList<>();
            while (true) {
                spaces();
                if (peek() == ']') {
                    pos++;
                    return list;
                }
                list.add(value(true));
                separator(']');
            }
        }
        if (c == '{') {
            pos++;
            Map<String, Object> map = new LinkedHashMap<>();
            while (true) {
                spaces();
                if (peek() == '}') {
                    pos++;
                    return map;
                }
                String key = String.valueOf(value(true));
                spaces();
                Object v = "";
                if (peek() == ':') {
                    pos++;
                    v = value(true);
                }
                map.put(key, v);
                separator('}');
            }
        }
        int start = pos;
        while (pos < text.length() && !(inFlow && (",]}".indexOf(text.charAt(pos)) >= 0 || colonEnds()))) {
            pos++;
        }
        String plain = text.substring(start, pos).strip();
        return plain.equals("~") || plain.equals("null") ? "" : plain;
    }

    private boolean colonEnds() {
        return text.charAt(pos) == ':' && (pos + 1 == text.length() || " ,]}".indexOf(text.charAt(pos + 1)) >= 0);
    }

    private void separator(char close) {
        spaces();
        if (peek() == ',') {
            pos++;
        } else if (peek() != close) {
            throw new IllegalArgumentException("expected , or " + close + " at '"
                    + PropertiesText.abbreviate(text.substring(Math.min(pos, text.length()))) + "'");
        }
    }

    private String quoted(char quote) {
        pos++;
        StringBuilder out = new StringBuilder();
        while (pos < text.length()) {
            char c = text.charAt(pos++);
            if (c == quote) {
                if (quote == '\'' && peek() == '\'') {
                    out.append('\'');
                    pos++;
                    continue;
                }
                return out.toString();
            }
            if (c == '\\' && quote == '"' && pos < text.length()) {
                char e = text.charAt(pos++);
                out.append(
                        switch (e) {
                            case 'n' -> '\n';
                            case 't' -> '\t';
                            case 'r' -> '\r';
                            default -> e;
                        });
            } else {
                out.append(c);
            }
        }
        throw new IllegalArgumentException("the quoted string is not closed");
    }

    private void spaces() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
    }

    private char peek() {
        return pos < text.length() ? text.charAt(pos) : '\0';
    }
}
