package dev.migrationsafety.sql;

import java.util.ArrayList;
import java.util.List;

/**
 * Cuts SQL text into {@link Token}s the way the database of a {@link Dialect} reads it. One pass, no
 * backtracking, no regular expressions: linear in the input. Never throws on bad input: an unterminated
 * quote or comment becomes a token that runs to the end of the input and a {@link SqlProblem} at the place
 * where it opens.
 *
 * <p>Two modes. A <em>script</em> lexer ({@link #forScript}) reads a whole file: it recognises the active
 * statement delimiter ({@link TokenType#DELIMITER}), MySQL {@code DELIMITER} directives and psql backslash
 * commands. A <em>statement</em> lexer ({@link #forStatement}) reads the text of one statement: there every
 * {@code ;} is {@link TokenType#PUNCTUATION}.
 *
 * <p>Dialect rules: PostgreSQL has {@code E'...'} strings with backslash escapes, dollar quotes with tags,
 * nested block comments, {@code $1} parameters and psql commands; MySQL has backticks, {@code "..."} strings,
 * backslash escapes in every string, {@code #} comments, {@code --} comments only when whitespace follows,
 * {@code /*!...*&#47;} executable comments and {@code DELIMITER}; H2 has {@code $$} strings, nested block
 * comments and {@code //} comments; generic SQL takes the PostgreSQL rules without psql commands. All
 * dialects accept backticks and Flyway placeholders {@code ${name}}.
 */
public final class SqlLexer {
    private final Dialect dialect;
    private final String path;
    private final CharSequence in;
    private final int length;
    private final boolean script;
    private final int baseOffset;
    private final List<SqlProblem> problems = new ArrayList<>();

    private int pos;
    private int line;
    /** Index in {@link #in} of column 1 of the current line (may be negative for a statement's first line). */
    private int lineStart;

    private String delimiter = ";";
    private boolean statementInProgress;
    private boolean inExecutableComment;
    private int executableCommentLine;
    private int executableCommentColumn;

    private SqlLexer(
            Dialect dialect,
            String path,
            CharSequence in,
            boolean script,
            int firstLine,
            int firstColumn,
            int baseOffset) {
        this.dialect = dialect == null ? Dialect.GENERIC : dialect;
        this.path = path == null ? "" : path;
        this.in = in;
        this.length = in.length();
        this.script = script;
        this.line = firstLine;
        this.lineStart = -(firstColumn - 1);
        this.baseOffset = baseOffset;
    }

    /** A lexer for a whole file, reporting problems against {@code path}. */
    public static SqlLexer forScript(Dialect dialect, String path, CharSequence content) {
        return new SqlLexer(dialect, path, content, true, 1, 1, 0);
    }

    /**
     * A lexer for the text of one statement that starts at {@code line}:{@code column} and at {@code offset} of
     * its file, so that tokens carry file positions.
     */
    public static SqlLexer forStatement(Dialect dialect, CharSequence text, int line, int column, int offset) {
        return new SqlLexer(dialect, "", text, false, line, column, offset);
    }

    /** All tokens of a statement's text, positions counted from line 1, column 1, offset 0. */
    public static List<Token> tokenize(Dialect dialect, CharSequence text) {
        return forStatement(dialect, text, 1, 1, 0).all();
    }

    /** The remaining tokens. */
    public List<Token> all() {
        List<Token> out = new ArrayList<>();
        for (Token t = next(); t != null; t = next()) {
            out.add(t);
        }
        return out;
    }

    /** Problems met so far, in order. */
    public List<SqlProblem> problems() {
        return List.copyOf(problems);
    }

    /**
     * Skips the data of a PostgreSQL {@code COPY ... FROM stdin} that the current token ended: the lines after it
     * up to and including a line {@code \.}, which psql and Flyway send as data, not SQL.
     */
    void skipCopyData() {
        int commandLine = tokenLine;
        toEndOfLine();
        while (pos < length) {
            // at a line break: step over it
            if (in.charAt(pos) == '\r' && pos + 1 < length && in.charAt(pos + 1) == '\n') {
                pos++;
            }
            pos++;
            line++;
            lineStart = pos;
            int lineBegin = pos;
            toEndOfLine();
            if (pos - lineBegin == 2 && in.charAt(lineBegin) == '\\' && in.charAt(lineBegin + 1) == '.') {
                return;
            }
        }
        problem(
                commandLine,
                1,
                SqlProblem.Kind.UNTERMINATED_COPY_DATA,
                "the data of this COPY ... FROM stdin is never ended by a line \\.",
                "end the data with a line holding only \\. (the rest of the file was read as data)");
    }

    /** How many problems were met so far. */
    int problemCount() {
        return problems.size();
    }

    /** The delimiter in force (script mode): {@code ;} unless a MySQL {@code DELIMITER} directive changed it. */
    public String delimiter() {
        return delimiter;
    }

    /** The next token, or {@code null} at the end of the input. */
    public Token next() {
        TokenType type = advance();
        if (type == null) {
            return null;
        }
        return new Token(type, tokenText(), tokenLine, tokenColumn, baseOffset + tokenStart, baseOffset + pos);
    }

    // ---- allocation-free cursor for the splitter: advance() then read the current token's fields ----

    private int tokenStart;
    private int tokenLine;
    private int tokenColumn;

    /** Moves to the next token and returns its type, or {@code null} at the end; see the token accessors. */
    TokenType advance() {
        skipWhitespace();
        if (pos >= length) {
            if (inExecutableComment && script) {
                inExecutableComment = false;
                problem(
                        executableCommentLine,
                        executableCommentColumn,
                        SqlProblem.Kind.UNTERMINATED_COMMENT,
                        "unterminated executable comment: the /*! opened here is never closed",
                        "close it with */");
            }
            return null;
        }
        tokenStart = pos;
        tokenLine = line;
        tokenColumn = pos - lineStart + 1;
        TokenType type = scan();
        if (type != TokenType.DELIMITER
                && type != TokenType.DELIMITER_DIRECTIVE
                && type != TokenType.BACKSLASH_COMMAND) {
            if (!type.isComment()) {
                statementInProgress = true;
            }
        } else {
            statementInProgress = false;
        }
        if (type == TokenType.DELIMITER_DIRECTIVE) {
            applyDirective(tokenText(), tokenLine, tokenColumn);
        }
        return type;
    }

    /** Offset of the current token in the input (without the base offset). */
    int tokenStart() {
        return tokenStart;
    }

    /** Offset just after the current token in the input (without the base offset). */
    int tokenEnd() {
        return pos;
    }

    int tokenLine() {
        return tokenLine;
    }

    int tokenColumn() {
        return tokenColumn;
    }

    String tokenText() {
        return in.subSequence(tokenStart, pos).toString();
    }

    /** Whether the current token is exactly {@code c}. */
    boolean tokenIs(char c) {
        return pos - tokenStart == 1 && in.charAt(tokenStart) == c;
    }

    /** Whether the current token's text equals {@code upperCaseWord} ignoring case. */
    boolean tokenIsWord(String upperCaseWord) {
        int n = upperCaseWord.length();
        if (pos - tokenStart != n) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            char c = in.charAt(tokenStart + i);
            if (c != upperCaseWord.charAt(i) && Character.toUpperCase(c) != upperCaseWord.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /** The current token as a {@link Token}. */
    Token token(TokenType type) {
        return new Token(type, tokenText(), tokenLine, tokenColumn, baseOffset + tokenStart, baseOffset + pos);
    }

    private TokenType scan() {
        char c = in.charAt(pos);
        if (script) {
            if (dialect == Dialect.MYSQL && !statementInProgress && startsWithWordIgnoreCase("DELIMITER")) {
                toEndOfLine();
                return TokenType.DELIMITER_DIRECTIVE;
            }
            if (startsWith(delimiter)) {
                pos += delimiter.length();
                return TokenType.DELIMITER;
            }
            if (c == '\\' && (dialect == Dialect.POSTGRESQL || dialect == Dialect.GENERIC)) {
                toEndOfLine();
                return TokenType.BACKSLASH_COMMAND;
            }
        }
        char n = pos + 1 < length ? in.charAt(pos + 1) : '\0';
        switch (c) {
            case '\'':
                return string(pos, dialect == Dialect.MYSQL);
            case '"':
                return dialect == Dialect.MYSQL ? string(pos, true) : quotedIdentifier(pos, pos);
            case '`':
                return quotedIdentifier(pos, pos);
            case '-':
                if (n == '-' && (dialect != Dialect.MYSQL || pos + 2 >= length || in.charAt(pos + 2) <= ' ')) {
                    toEndOfLine();
                    return TokenType.LINE_COMMENT;
                }
                break;
            case '#':
                if (dialect == Dialect.MYSQL) {
                    toEndOfLine();
                    return TokenType.LINE_COMMENT;
                }
                break;
            case '/':
                if (n == '*') {
                    return blockComment();
                }
                if (n == '/' && dialect == Dialect.H2) {
                    toEndOfLine();
                    return TokenType.LINE_COMMENT;
                }
                break;
            case '*':
                if (n == '/' && inExecutableComment) {
                    inExecutableComment = false;
                    pos += 2;
                    return TokenType.EXECUTABLE_COMMENT_MARKER;
                }
                break;
            case '$':
                return dollar();
            case '(', ')', '[', ']', '{', '}', ',', ';':
                pos++;
                return TokenType.PUNCTUATION;
            case '.':
                if (isDigit(n)) {
                    return number();
                }
                pos++;
                return TokenType.PUNCTUATION;
            default:
                break;
        }
        if (isDigit(c)) {
            return number();
        }
        if (isIdentifierStart(c)) {
            return wordOrPrefixedLiteral(c, n);
        }
        return operator();
    }

    // ---- literals ----

    private TokenType wordOrPrefixedLiteral(char c, char n) {
        int start = pos;
        if (n == '\'') {
            switch (c) {
                case 'e', 'E':
                    if (dialect != Dialect.MYSQL && dialect != Dialect.H2) {
                        return string(start + 1, true);
                    }
                    break;
                case 'x', 'X', 'b', 'B', 'n', 'N':
                    return string(start + 1, dialect == Dialect.MYSQL);
                default:
                    break;
            }
        }
        if ((c == 'u' || c == 'U') && n == '&' && pos + 2 < length && dialect != Dialect.MYSQL) {
            char q = in.charAt(pos + 2);
            if (q == '\'') {
                return string(start + 2, false);
            }
            if (q == '"') {
                return quotedIdentifier(start, start + 2);
            }
        }
        pos++;
        while (pos < length && isIdentifierPart(in.charAt(pos)) && !atCustomDelimiter()) {
            pos++;
        }
        return TokenType.WORD;
    }

    /** Whether a custom delimiter (MySQL {@code DELIMITER $$}) starts here: it ends a word ({@code END$$}). */
    private boolean atCustomDelimiter() {
        return script
                && delimiter.length() > 0
                && in.charAt(pos) == delimiter.charAt(0)
                && !";".equals(delimiter)
                && startsWith(delimiter);
    }

    /** A string whose opening quote is at {@code quoteAt}. */
    private TokenType string(int quoteAt, boolean backslashEscapes) {
        int openLine = line;
        int openColumn = pos - lineStart + 1;
        char quote = in.charAt(quoteAt);
        int i = quoteAt + 1;
        while (i < length) {
            char ch = in.charAt(i);
            if (ch == quote) {
                if (i + 1 < length && in.charAt(i + 1) == quote) {
                    i += 2;
                    continue;
                }
                advanceTo(i + 1);
                return TokenType.STRING;
            }
            i += backslashEscapes && ch == '\\' ? 2 : 1;
        }
        advanceTo(length);
        problem(
                openLine,
                openColumn,
                SqlProblem.Kind.UNTERMINATED_STRING,
                "unterminated string literal: the " + quote + " opened here is never closed",
                "close the string with " + quote + " (a " + quote + " inside a string is written " + quote + quote
                        + (backslashEscapes ? " or \\" + quote : "") + ")");
        return TokenType.STRING;
    }

    private TokenType quotedIdentifier(int start, int quoteAt) {
        int openLine = line;
        int openColumn = start - lineStart + 1;
        char quote = in.charAt(quoteAt);
        int i = quoteAt + 1;
        while (i < length) {
            if (in.charAt(i) == quote) {
                if (i + 1 < length && in.charAt(i + 1) == quote) {
                    i += 2;
                    continue;
                }
                advanceTo(i + 1);
                return TokenType.QUOTED_IDENTIFIER;
            }
            i++;
        }
        advanceTo(length);
        String what = quote == '`' ? "backtick-quoted identifier" : "quoted identifier";
        problem(
                openLine,
                openColumn,
                SqlProblem.Kind.UNTERMINATED_QUOTED_IDENTIFIER,
                "unterminated " + what + ": the " + quote + " opened here is never closed",
                "close the name with " + quote + " (a " + quote + " inside a name is written " + quote + quote + ")");
        return TokenType.QUOTED_IDENTIFIER;
    }

    private TokenType dollar() {
        int start = pos;
        char n = pos + 1 < length ? in.charAt(pos + 1) : '\0';
        if (n == '{') {
            int close = start + 2;
            while (close < length && in.charAt(close) != '}' && in.charAt(close) != '\n' && close - start < 256) {
                close++;
            }
            if (close < length && in.charAt(close) == '}') {
                pos = close + 1;
                return TokenType.PLACEHOLDER;
            }
        }
        if (dialect == Dialect.MYSQL) {
            pos++;
            while (pos < length && isIdentifierPart(in.charAt(pos)) && !atCustomDelimiter()) {
                pos++;
            }
            return pos - start > 1 ? TokenType.WORD : TokenType.OPERATOR;
        }
        if (isDigit(n)) {
            pos++;
            while (pos < length && isDigit(in.charAt(pos))) {
                pos++;
            }
            return TokenType.PARAMETER;
        }
        int tagEnd = start + 1;
        if (n != '$') {
            if (!isIdentifierStart(n)) {
                pos++;
                return TokenType.OPERATOR;
            }
            tagEnd++;
            while (tagEnd < length && isDollarTagPart(in.charAt(tagEnd))) {
                tagEnd++;
            }
            if (tagEnd >= length || in.charAt(tagEnd) != '$') {
                pos++;
                return TokenType.OPERATOR;
            }
        }
        String tag = in.subSequence(start, tagEnd + 1).toString();
        int openLine = line;
        int openColumn = start - lineStart + 1;
        int close = indexOf(tag, tagEnd + 1);
        if (close >= 0) {
            advanceTo(close + tag.length());
            return TokenType.DOLLAR_STRING;
        }
        advanceTo(length);
        problem(
                openLine,
                openColumn,
                SqlProblem.Kind.UNTERMINATED_DOLLAR_QUOTE,
                "unterminated dollar-quoted string: the " + tag + " opened here is never closed",
                "end the body with " + tag + " exactly (same tag, same case)");
        return TokenType.DOLLAR_STRING;
    }

    private TokenType number() {
        if (in.charAt(pos) == '0' && pos + 1 < length && (in.charAt(pos + 1) == 'x' || in.charAt(pos + 1) == 'X')) {
            pos += 2;
            while (pos < length && (isDigit(in.charAt(pos)) || isHexLetter(in.charAt(pos)) || in.charAt(pos) == '_')) {
                pos++;
            }
            return TokenType.NUMBER;
        }
        while (pos < length && (isDigit(in.charAt(pos)) || in.charAt(pos) == '_')) {
            pos++;
        }
        if (pos < length && in.charAt(pos) == '.' && !(pos + 1 < length && in.charAt(pos + 1) == '.')) {
            pos++;
            while (pos < length && isDigit(in.charAt(pos))) {
                pos++;
            }
        }
        if (pos < length && (in.charAt(pos) == 'e' || in.charAt(pos) == 'E')) {
            int save = pos;
            pos++;
            if (pos < length && (in.charAt(pos) == '+' || in.charAt(pos) == '-')) {
                pos++;
            }
            if (pos < length && isDigit(in.charAt(pos))) {
                while (pos < length && isDigit(in.charAt(pos))) {
                    pos++;
                }
            } else {
                pos = save;
            }
        }
        if (dialect == Dialect.MYSQL && pos < length && isIdentifierPart(in.charAt(pos)) && !atCustomDelimiter()) {
            // MySQL identifiers may start with digits: 1st_column
            while (pos < length && isIdentifierPart(in.charAt(pos)) && !atCustomDelimiter()) {
                pos++;
            }
            return TokenType.WORD;
        }
        return TokenType.NUMBER;
    }

    // ---- comments ----

    private TokenType blockComment() {
        int openLine = line;
        int openColumn = pos - lineStart + 1;
        if (dialect == Dialect.MYSQL && pos + 2 < length) {
            char third = in.charAt(pos + 2);
            boolean mariadb = third == 'M' && pos + 3 < length && in.charAt(pos + 3) == '!';
            if (third == '!' || mariadb) {
                pos += mariadb ? 4 : 3;
                while (pos < length && isDigit(in.charAt(pos))) {
                    pos++;
                }
                inExecutableComment = true;
                executableCommentLine = openLine;
                executableCommentColumn = openColumn;
                return TokenType.EXECUTABLE_COMMENT_MARKER;
            }
        }
        boolean nested = dialect != Dialect.MYSQL;
        int depth = 1;
        int i = pos + 2;
        while (i < length) {
            char ch = in.charAt(i);
            if (ch == '*' && i + 1 < length && in.charAt(i + 1) == '/') {
                i += 2;
                if (--depth == 0) {
                    advanceTo(i);
                    return TokenType.BLOCK_COMMENT;
                }
            } else if (nested && ch == '/' && i + 1 < length && in.charAt(i + 1) == '*') {
                depth++;
                i += 2;
            } else {
                i++;
            }
        }
        advanceTo(length);
        problem(
                openLine,
                openColumn,
                SqlProblem.Kind.UNTERMINATED_COMMENT,
                "unterminated block comment: the /* opened here is never closed",
                nested
                        ? "close it with */ (block comments nest here: every /* inside it needs its own */)"
                        : "close it with */");
        return TokenType.BLOCK_COMMENT;
    }

    // ---- operators ----

    private static final String[] OPERATORS_3 = {"->>", "#>>", "<=>", "!~*", "!!="};
    private static final String[] OPERATORS_2 = {
        "::", ":=", "=>", "<>", "!=", ">=", "<=", "||", "->", "#>", "@>", "<@", "&&", "<<", ">>", "!~", "~*", "**",
        "?|", "?&", "@@", "-|"
    };

    private TokenType operator() {
        for (String op : OPERATORS_3) {
            if (startsWith(op)) {
                pos += 3;
                return TokenType.OPERATOR;
            }
        }
        for (String op : OPERATORS_2) {
            if (startsWith(op)) {
                pos += 2;
                return TokenType.OPERATOR;
            }
        }
        char c = in.charAt(pos);
        pos += Character.isHighSurrogate(c) && pos + 1 < length ? 2 : 1;
        return TokenType.OPERATOR;
    }

    // ---- directives ----

    private void applyDirective(String text, int directiveLine, int directiveColumn) {
        String rest = text.substring("DELIMITER".length()).strip();
        int space = 0;
        while (space < rest.length() && !Character.isWhitespace(rest.charAt(space))) {
            space++;
        }
        String newDelimiter = rest.substring(0, space);
        if (newDelimiter.isEmpty()) {
            problem(
                    directiveLine,
                    directiveColumn,
                    SqlProblem.Kind.BAD_DELIMITER,
                    "DELIMITER without a delimiter",
                    "write the new delimiter after it, e.g. DELIMITER // (and DELIMITER ; to go back)");
            return;
        }
        delimiter = newDelimiter;
    }

    // ---- scanning helpers ----

    private void skipWhitespace() {
        while (pos < length) {
            char c = in.charAt(pos);
            if (c == '\n') {
                pos++;
                line++;
                lineStart = pos;
            } else if (c == '\r') {
                pos++;
                if (pos >= length || in.charAt(pos) != '\n') {
                    line++;
                    lineStart = pos;
                }
            } else if (c == ' ' || c == '\t' || c == '\f' || c == '\u000B' || c == '\u00A0' || c == '\uFEFF') {
                pos++;
            } else if (c > 127 && Character.isWhitespace(c)) {
                pos++;
            } else {
                return;
            }
        }
    }

    /** Moves to {@code target}, counting the line breaks passed. */
    private void advanceTo(int target) {
        for (int i = pos; i < target; i++) {
            char c = in.charAt(i);
            if (c == '\n') {
                line++;
                lineStart = i + 1;
            } else if (c == '\r' && (i + 1 >= length || in.charAt(i + 1) != '\n')) {
                line++;
                lineStart = i + 1;
            }
        }
        pos = target;
    }

    /** Moves to just before the line break that ends the current line. */
    private void toEndOfLine() {
        while (pos < length) {
            char c = in.charAt(pos);
            if (c == '\n' || c == '\r') {
                return;
            }
            pos++;
        }
    }

    private boolean startsWith(String s) {
        int n = s.length();
        if (pos + n > length) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            if (in.charAt(pos + i) != s.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private boolean startsWithWordIgnoreCase(String word) {
        int n = word.length();
        if (pos + n > length) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            if (Character.toUpperCase(in.charAt(pos + i)) != word.charAt(i)) {
                return false;
            }
        }
        if (pos + n == length) {
            return true;
        }
        char after = in.charAt(pos + n);
        return after == ' ' || after == '\t' || after == '\n' || after == '\r';
    }

    private int indexOf(String s, int from) {
        if (in instanceof String str) {
            return str.indexOf(s, from);
        }
        char first = s.charAt(0);
        int last = length - s.length();
        for (int i = from; i <= last; i++) {
            if (in.charAt(i) == first) {
                int k = 1;
                while (k < s.length() && in.charAt(i + k) == s.charAt(k)) {
                    k++;
                }
                if (k == s.length()) {
                    return i;
                }
            }
        }
        return -1;
    }

    private void problem(int atLine, int atColumn, SqlProblem.Kind kind, String message, String fix) {
        problems.add(new SqlProblem(path, atLine, atColumn, kind, message, fix));
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isHexLetter(char c) {
        return (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

    private static boolean isIdentifierStart(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || (c > 127 && Character.isLetter(c));
    }

    private boolean isIdentifierPart(char c) {
        return (c >= 'a' && c <= 'z')
                || (c >= 'A' && c <= 'Z')
                || isDigit(c)
                || c == '_'
                || c == '$'
                || (c > 127 && (Character.isLetterOrDigit(c) || Character.isSurrogate(c)));
    }

    private static boolean isDollarTagPart(char c) {
        return (c >= 'a' && c <= 'z')
                || (c >= 'A' && c <= 'Z')
                || (c >= '0' && c <= '9')
                || c == '_'
                || (c > 127 && Character.isLetterOrDigit(c));
    }
}
