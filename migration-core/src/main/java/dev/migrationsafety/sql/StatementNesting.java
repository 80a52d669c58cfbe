package dev.migrationsafety.sql;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What keeps a {@code ;} inside the statement being cut: parentheses, and the {@code BEGIN ... END} body of a
 * routine (MySQL procedures, functions, triggers and events; SQL-standard {@code BEGIN ATOMIC}; MariaDB {@code
 * BEGIN NOT ATOMIC}). Also spots PostgreSQL {@code COPY ... FROM stdin}, whose data lines follow it. Fed the
 * significant tokens of one statement through the lexer's cursor; {@link #reset()} between statements.
 */
final class StatementNesting {
    private static final Set<String> ROUTINES = Set.of("PROCEDURE", "FUNCTION", "TRIGGER", "EVENT");
    private static final Set<String> NOT_ROUTINES = Set.of(
            "TABLE",
            "VIEW",
            "INDEX",
            "UNIQUE",
            "SEQUENCE",
            "SCHEMA",
            "DATABASE",
            "TYPE",
            "DOMAIN",
            "EXTENSION",
            "ROLE",
            "USER",
            "RULE",
            "POLICY",
            "MATERIALIZED",
            "TEMPORARY",
            "TEMP",
            "CAST",
            "OPERATOR",
            "AGGREGATE",
            "SERVER",
            "PUBLICATION",
            "SUBSCRIPTION",
            "STATISTICS",
            "COLLATION",
            "CONVERSION",
            "TABLESPACE",
            "ALIAS");
    /** END followed by one of these closes a statement of the body, not a BEGIN or CASE. */
    private static final List<String> END_NOT_CLOSING_BEGIN = List.of("IF", "LOOP", "WHILE", "REPEAT", "FOR");

    private final Dialect dialect;
    private final SqlLexer lexer;

    private int parenDepth;
    private int openParenLine;
    private int openParenColumn;

    private int blockDepth;
    private int beginLine;
    private int beginColumn;
    private String beginText;

    private int words;
    private boolean firstIsBegin;
    private boolean firstIsCreate;
    /** CREATE [OR REPLACE] RULE, whose DO (...; ...) holds a ; in parentheses legitimately. */
    private boolean rule;
    /** Where the first ; held by parentheses is; 0 when none. */
    private int heldLine;

    private int heldColumn;
    private int heldParenLine;
    private int heldParenColumn;
    private int firstLine;
    private int firstColumn;
    /** 0 unknown yet, 1 routine with a possible body, -1 not a routine. */
    private int routine;
    /** An END seen; whether it closes a block depends on the next token. */
    private boolean pendingEnd;
    /** A BEGIN outside MySQL, which opens a body only if ATOMIC follows. */
    private boolean pendingBegin;

    private int pendingBeginLine;
    private int pendingBeginColumn;
    /** COPY ... FROM stdin: 0 not a COPY, 1 COPY, 2 after FROM, 3 from stdin. */
    private int copyState;

    StatementNesting(Dialect dialect, SqlLexer lexer) {
        this.dialect = dialect;
        this.lexer = lexer;
    }

    /** Takes the lexer's current token, a significant one of the statement in progress. */
    void significant(TokenType type) {
        boolean afterEnd = pendingEnd;
        resolvePendingEnd(type);
        if (type != TokenType.WORD) {
            pendingBegin = false;
        }
        if (type == TokenType.PUNCTUATION) {
            if (lexer.tokenIs('(')) {
                if (parenDepth++ == 0) {
                    openParenLine = lexer.tokenLine();
                    openParenColumn = lexer.tokenColumn();
                }
            } else if (lexer.tokenIs(')') && parenDepth > 0) {
                parenDepth--;
            }
        } else if (type == TokenType.WORD) {
            words++;
            if (words == 1) {
                firstIsBegin = lexer.tokenIsWord("BEGIN");
                firstIsCreate = lexer.tokenIsWord("CREATE");
                firstLine = lexer.tokenLine();
                firstColumn = lexer.tokenColumn();
            } else if (words <= 4 && firstIsCreate && lexer.tokenIsWord("RULE")) {
                rule = true;
            }
            if (!afterEnd) {
                trackBlocks(); // the word after END (END CASE, END IF, END lbl) opens nothing
            }
            trackCopy();
        }
    }

    /** The statement ends here (a delimiter, a directive, a command or the end of the file) unless nested. */
    void beforeEnd() {
        resolvePendingEnd(null);
        pendingBegin = false;
    }

    /**
     * Whether a {@code ;} here stays inside the statement. The first one held by parentheses is remembered for
     * {@link #semicolonInParentheses}.
     */
    boolean holdsSemicolon() {
        if (parenDepth > 0 && heldLine == 0) {
            heldLine = lexer.tokenLine();
            heldColumn = lexer.tokenColumn();
            heldParenLine = openParenLine;
            heldParenColumn = openParenColumn;
        }
        return parenDepth > 0 || blockDepth > 0;
    }

    /**
     * The problem of a statement that held a {@code ;} in parentheses, or null. Only PostgreSQL's {@code CREATE
     * RULE ... DO (...; ...)} may; anywhere else a {@code (} is missing its {@code )}, and what follows the
     * {@code ;} (a {@code DROP TABLE}, say) was read as part of this statement instead of on its own. Every
     * database rejects such a statement, but a client that cuts at the {@code ;} (the mysql client, Flyway for
     * some databases) runs the statements after it: the riskier reading wins.
     */
    SqlProblem semicolonInParentheses(String path) {
        if (heldLine == 0 || rule) {
            return null;
        }
        return new SqlProblem(
                path,
                heldLine,
                heldColumn,
                SqlProblem.Kind.SEMICOLON_IN_PARENTHESES,
                "; inside parentheses: the ( opened at line " + heldParenLine + ", column " + heldParenColumn
                        + " is not closed before it, so the statements after it were read as part of this one"
                        + " and not checked on their own",
                "add the missing ) before the ;");
    }

    /** Whether the statement is a {@code COPY ... FROM stdin}. */
    boolean copyFromStdin() {
        return copyState == 3;
    }

    /** The problem of a statement cut by the end of the file while nested, or null. */
    SqlProblem unclosed(String path) {
        if (parenDepth > 0) {
            return new SqlProblem(
                    path,
                    openParenLine,
                    openParenColumn,
                    SqlProblem.Kind.UNCLOSED_PARENTHESIS,
                    "unclosed parenthesis: the ( opened here is never closed, so the rest of the file was read"
                            + " as one statement",
                    "add the missing )");
        }
        if (blockDepth > 0) {
            return new SqlProblem(
                    path,
                    beginLine,
                    beginColumn,
                    SqlProblem.Kind.UNCLOSED_BLOCK,
                    "unclosed block: the " + beginText + " opened here has no matching END, so the rest of the"
                            + " file was read as one statement",
                    "add the missing END (each BEGIN and CASE of the body needs one)");
        }
        return null;
    }

    void reset() {
        parenDepth = 0;
        blockDepth = 0;
        words = 0;
        firstIsBegin = false;
        firstIsCreate = false;
        rule = false;
        heldLine = 0;
        routine = 0;
        pendingEnd = false;
        pendingBegin = false;
        copyState = 0;
    }

    /** Follows BEGIN ... END nesting in routines so that their inner {@code ;} do not split. */
    private void trackBlocks() {
        if (routine == 0) {
            if (words == 1) {
                if (!lexer.tokenIsWord("CREATE") && !lexer.tokenIsWord("ALTER") && !lexer.tokenIsWord("BEGIN")) {
                    routine = -1;
                }
                return;
            }
            if (words == 2 && firstIsBegin) {
                routine = lexer.tokenIsWord("NOT") ? 1 : -1; // MariaDB BEGIN NOT ATOMIC; else a transaction
                if (routine == 1) {
                    openBlock(firstLine, firstColumn, "BEGIN");
                }
                return;
            }
            String w = lexer.tokenText().toUpperCase(Locale.ROOT);
            if (ROUTINES.contains(w)) {
                routine = 1;
            } else if (NOT_ROUTINES.contains(w) || words > 12) {
                routine = -1;
            }
            return;
        }
        if (routine < 0) {
            return;
        }
        if (pendingBegin) {
            pendingBegin = false;
            if (lexer.tokenIsWord("ATOMIC")) {
                openBlock(pendingBeginLine, pendingBeginColumn, "BEGIN ATOMIC");
                return;
            }
        }
        if (lexer.tokenIsWord("BEGIN") && parenDepth == 0) { // in parentheses it is a parameter name
            if (dialect == Dialect.MYSQL) {
                openBlock(lexer.tokenLine(), lexer.tokenColumn(), lexer.tokenText());
            } else {
                // elsewhere only the SQL-standard BEGIN ATOMIC opens a body; a lone begin is a name
                pendingBegin = true;
                pendingBeginLine = lexer.tokenLine();
                pendingBeginColumn = lexer.tokenColumn();
            }
        } else if (blockDepth > 0) {
            if (lexer.tokenIsWord("CASE")) {
                blockDepth++;
            } else if (lexer.tokenIsWord("END")) {
                pendingEnd = true;
            }
        }
    }

    /** Recognises {@code COPY ... FROM stdin}, whose data lines follow its terminator (PostgreSQL). */
    private void trackCopy() {
        if (copyState == 0) {
            if (words == 1
                    && (dialect == Dialect.POSTGRESQL || dialect == Dialect.GENERIC)
                    && lexer.tokenIsWord("COPY")) {
                copyState = 1;
            }
        } else if (copyState == 1) {
            if (lexer.tokenIsWord("FROM")) {
                copyState = 2;
            }
        } else if (copyState == 2) {
            copyState = lexer.tokenIsWord("STDIN") ? 3 : 1;
        }
    }

    private void openBlock(int line, int column, String text) {
        if (blockDepth++ == 0) {
            beginLine = line;
            beginColumn = column;
            beginText = text;
        }
    }

    /** An END closes a block unless it is END IF, END LOOP, END WHILE, END REPEAT or END FOR. */
    private void resolvePendingEnd(TokenType next) {
        if (!pendingEnd) {
            return;
        }
        pendingEnd = false;
        if (next == TokenType.WORD) {
            for (String w : END_NOT_CLOSING_BEGIN) {
                if (lexer.tokenIsWord(w)) {
                    return;
                }
            }
        }
        if (blockDepth > 0) {
            blockDepth--;
        }
    }
}
