package dev.migrationsafety.config;

/**
 * A position in the text of a TOML file and its lexical pieces: blanks, comments, the ends of lines, and the four
 * kinds of string with their escapes. {@link TomlText} reads the structure on top of it.
 */
class TomlCursor {
    final String text;
    final String display;
    int pos;
    int line = 1;

    TomlCursor(String text, String display) {
        this.text = text;
        this.display = display;
    }

    String singleLineString() {
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

    String multiLineString(char quote) {
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

    String escape() {
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

    void endOfLine() {
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

    void skipBlankLines() {
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

    void skipComment() {
        while (pos < text.length() && text.charAt(pos) != '\n') {
            pos++;
        }
    }

    void skipSpaces() {
        while (pos < text.length() && (text.charAt(pos) == ' ' || text.charAt(pos) == '\t')) {
            pos++;
        }
    }

    void expect(char c, String fix) {
        if (peek() != c) {
            throw error("expected " + c + ", found " + found(), fix);
        }
        pos++;
    }

    char peek() {
        return pos < text.length() ? text.charAt(pos) : '\0';
    }

    String found() {
        if (pos >= text.length()) {
            return "the end of the file";
        }
        if (peek() == '\n' || peek() == '\r') {
            return "the end of the line";
        }
        int end = text.indexOf('\n', pos);
        return "'" + PropertiesText.abbreviate(text.substring(pos, end < 0 ? text.length() : end)) + "'";
    }

    ConfigFileException error(String problem, String fix) {
        return new ConfigFileException(display, line, problem, fix);
    }

    static boolean isBareKeyChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
    }
}
