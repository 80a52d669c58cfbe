package dev.migrationsafety.sql;

import java.util.ArrayList;
import java.util.List;

/**
 * One statement of a migration file as the splitter cut it.
 *
 * <p>Tokens are not stored (a 50 MB file would hold millions); {@link #tokens()} lexes {@link #text} again
 * with the statement's dialect, which is cheap, and gives tokens with file positions. Inside a statement a
 * {@code ;} is always {@link TokenType#PUNCTUATION}.
 *
 * @param path the file, relative to the project, as reports show it
 * @param line 1-based line where the statement starts (its first token, after leading comments)
 * @param column 1-based column of that first token
 * @param text the statement text from its first token to its last, without its terminator; comments and
 *     whitespace inside kept
 * @param dialect the dialect it was lexed with
 * @param offset the offset of the first character of {@code text} in its file
 * @param leadingComments the comments between the previous statement and this one, in order (comments on the
 *     line where the previous statement ended are that statement's, unless this one starts on that line too);
 *     where {@code -- migration:allow ...} suppressions live
 */
public record SqlStatement(
        String path, int line, int column, String text, Dialect dialect, int offset, List<Token> leadingComments) {

    public SqlStatement {
        dialect = dialect == null ? Dialect.GENERIC : dialect;
        leadingComments = leadingComments == null ? List.of() : List.copyOf(leadingComments);
    }

    /** A statement not read from a file: lexed as generic SQL, no leading comments. */
    public SqlStatement(String path, int line, int column, String text) {
        this(path, line, column, text, Dialect.GENERIC, 0, List.of());
    }

    /** Every token of the statement, comments included, with file positions. Computed on each call. */
    public List<Token> tokens() {
        return SqlLexer.forStatement(dialect, text, line, column, offset).all();
    }

    /** The tokens without comments and executable-comment markers. Computed on each call. */
    public List<Token> significantTokens() {
        SqlLexer lexer = SqlLexer.forStatement(dialect, text, line, column, offset);
        List<Token> out = new ArrayList<>();
        for (Token t = lexer.next(); t != null; t = lexer.next()) {
            if (t.isSignificant()) {
                out.add(t);
            }
        }
        return out;
    }

    /** The 1-based line of the statement's last character. */
    public int endLine() {
        int lines = line;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || (c == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n'))) {
                lines++;
            }
        }
        return lines;
    }
}
