package dev.migrationsafety.sql;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Cuts the content of a SQL file into {@link SqlStatement}s the way Flyway, psql and the mysql client do.
 *
 * <p>A statement ends at the active delimiter ({@code ;}, or what a MySQL {@code DELIMITER} directive set), but
 * a {@code ;} ends nothing inside a string, quoted name, comment or dollar-quoted body, inside parentheses (as
 * in PostgreSQL {@code CREATE RULE ... DO (...; ...)}), or inside the {@code BEGIN ... END} body of a routine
 * (MySQL procedures, functions, triggers and events written without {@code DELIMITER}, SQL-standard {@code
 * BEGIN ATOMIC ... END} bodies, MariaDB {@code BEGIN NOT ATOMIC} blocks). A custom delimiter always ends a
 * statement. A psql backslash command ends the statement before it and is reported as a {@link ClientCommand}.
 *
 * <p>Linear in the input; holds no tokens beyond the statement being cut. Never throws on bad SQL: problems are
 * collected in the result.
 */
public final class SqlSplitter {

    /** Receives what a file holds, in file order; see {@link #split(String, CharSequence, Listener)}. */
    public interface Listener {
        void statement(SqlStatement statement);

        default void command(ClientCommand command) {}

        default void comment(Token comment) {}

        default void problem(SqlProblem problem) {}
    }

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
    private static final List<String> END_NOT_CLOSING_BEGIN = List.of("IF", "LOOP", "WHILE", "REPEAT", "FOR");

    private final Dialect dialect;

    public SqlSplitter(Dialect dialect) {
        this.dialect = dialect == null ? Dialect.GENERIC : dialect;
    }

    public Dialect dialect() {
        return dialect;
    }

    /** Reads a file with {@link SqlFiles#read} and splits it; read problems (not UTF-8, binary) end up in the result. */
    public SplitResult splitFile(Path file, String displayPath) {
        SqlFileContent content = SqlFiles.read(file, displayPath);
        if (!content.readable()) {
            return new SplitResult(displayPath, dialect, List.of(), List.of(), List.of(), content.problems());
        }
        SplitResult result = split(displayPath, content.content());
        if (content.problems().isEmpty()) {
            return result;
        }
        List<SqlProblem> problems = new ArrayList<>(content.problems());
        problems.addAll(result.problems());
        return new SplitResult(
                result.path(), dialect, result.statements(), result.commands(), result.comments(), problems);
    }

    /** Splits the whole content of one file. */
    public SplitResult split(String path, CharSequence content) {
        List<SqlStatement> statements = new ArrayList<>();
        List<ClientCommand> commands = new ArrayList<>();
        List<Token> comments = new ArrayList<>();
        List<SqlProblem> problems = new ArrayList<>();
        split(path, content, new Listener() {
            @Override
            public void statement(SqlStatement statement) {
                statements.add(statement);
            }

            @Override
            public void command(ClientCommand command) {
                commands.add(command);
            }

            @Override
            public void comment(Token comment) {
                comments.add(comment);
            }

            @Override
            public void problem(SqlProblem problem) {
                problems.add(problem);
            }
        });
        return new SplitResult(path, dialect, statements, commands, comments, problems);
    }

    /**
     * Splits the content of one file, handing each item to {@code listener} as soon as it is complete: memory
     * stays bounded by the largest statement whatever the file size. Problems come after the statement they
     * concern.
     */
    public void split(String path, CharSequence content, Listener listener) {
        new Run(path, content, listener).run();
    }

    /** The state of splitting one file. Works on the lexer's cursor: no token objects except comments. */
    private final class Run {
        private final String path;
        private final CharSequence content;
        private final Listener listener;
        private final SqlLexer lexer;

        /** Start offset, line and column of the statement in progress; {@code firstStart < 0} when none. */
        private int firstStart = -1;

        private int firstLine;
        private int firstColumn;
        /** Whether the statement in progress starts with the word BEGIN. */
        private boolean firstIsBegin;

        private int lastEnd;
        private int lastLine;
        private List<Token> pendingComments = new ArrayList<>();
        /** Comments after the previous statement on its last line: the next statement's only if it starts there. */
        private final List<Token> sameLineComments = new ArrayList<>();
        /** Line where the previous statement ended; comments starting on it belong to that statement. */
        private int previousEndLine = -1;

        private int parenDepth;
        private int openParenLine;
        private int openParenColumn;
        private int blockDepth;
        private int beginLine;
        private int beginColumn;
        private String beginText;
        private int leadingWords;
        /** 0 unknown yet, 1 routine with a possible body, -1 not a routine. */
        private int routine;

        private boolean pendingEnd;
        /** A BEGIN outside MySQL, which opens a body only if ATOMIC follows. */
        private boolean pendingBegin;

        private int pendingBeginLine;
        private int pendingBeginColumn;
        /** COPY ... FROM stdin: 0 not a COPY, 1 COPY, 2 after FROM, 3 from stdin. */
        private int copyState;
        /** Lexer problems before the statement in progress: an unterminated quote explains an unclosed (. */
        private int problemsBefore;

        Run(String path, CharSequence content, Listener listener) {
            this.path = path == null ? "" : path;
            this.content = content;
            this.listener = listener;
            this.lexer = SqlLexer.forScript(dialect, this.path, content);
        }

        void run() {
            int reported = 0;
            for (TokenType type = lexer.advance(); type != null; type = lexer.advance()) {
                accept(type);
                if (lexer.problemCount() > reported) {
                    reported = reportProblems(reported);
                }
            }
            resolvePendingEnd(null);
            finish(false, 0);
            reportProblems(reported);
        }

        private int reportProblems(int reported) {
            List<SqlProblem> problems = lexer.problems();
            for (int i = reported; i < problems.size(); i++) {
                listener.problem(problems.get(i));
            }
            return problems.size();
        }

        private void accept(TokenType type) {
            switch (type) {
                case LINE_COMMENT, BLOCK_COMMENT -> {
                    Token comment = lexer.token(type);
                    listener.comment(comment);
                    if (firstStart < 0) {
                        (comment.line() == previousEndLine ? sameLineComments : pendingComments).add(comment);
                    }
                }
                case DELIMITER -> {
                    resolvePendingEnd(type);
                    pendingBegin = false;
                    boolean nestable = lexer.tokenIs(';');
                    if (firstStart >= 0 && nestable && (parenDepth > 0 || blockDepth > 0)) {
                        lastEnd = lexer.tokenEnd();
                        lastLine = lexer.tokenLine();
                    } else {
                        boolean copyData = copyState == 3;
                        finish(true, lexer.tokenLine());
                        if (copyData) {
                            lexer.skipCopyData();
                        }
                    }
                }
                case DELIMITER_DIRECTIVE -> {
                    resolvePendingEnd(type);
                    finish(true, lexer.tokenLine());
                }
                case BACKSLASH_COMMAND -> {
                    resolvePendingEnd(type);
                    finish(true, lexer.tokenLine());
                    listener.command(
                            new ClientCommand(path, lexer.tokenLine(), lexer.tokenColumn(), lexer.tokenText()));
                }
                default -> significant(type);
            }
        }

        private void significant(TokenType type) {
            boolean afterEnd = pendingEnd;
            resolvePendingEnd(type);
            if (firstStart < 0) {
                firstStart = lexer.tokenStart();
                firstLine = lexer.tokenLine();
                firstColumn = lexer.tokenColumn();
                firstIsBegin = type == TokenType.WORD && lexer.tokenIsWord("BEGIN");
                if (!sameLineComments.isEmpty()) {
                    if (firstLine == previousEndLine) {
                        pendingComments.addAll(0, sameLineComments);
                    }
                    sameLineComments.clear();
                }
                problemsBefore = lexer.problemCount();
            }
            lastEnd = lexer.tokenEnd();
            lastLine = lexer.tokenLine();
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
                if (!afterEnd) {
                    trackBlocks(); // the word after END (END CASE, END IF, END lbl) opens nothing
                }
                trackCopy();
            }
        }

        /** Follows BEGIN ... END nesting in routines so that their inner {@code ;} do not split. */
        private void trackBlocks() {
            leadingWords++;
            if (routine == 0) {
                if (leadingWords == 1) {
                    if (!lexer.tokenIsWord("CREATE") && !lexer.tokenIsWord("ALTER") && !lexer.tokenIsWord("BEGIN")) {
                        routine = -1;
                    }
                    return;
                }
                if (leadingWords == 2 && firstIsBegin) {
                    routine = lexer.tokenIsWord("NOT") ? 1 : -1; // MariaDB BEGIN NOT ATOMIC; else a transaction
                    if (routine == 1) {
                        blockDepth = 1;
                        beginLine = firstLine;
                        beginColumn = firstColumn;
                        beginText =
                                content.subSequence(firstStart, firstStart + 5).toString();
                    }
                    return;
                }
                String w = lexer.tokenText().toUpperCase(Locale.ROOT);
                if (ROUTINES.contains(w)) {
                    routine = 1;
                } else if (NOT_ROUTINES.contains(w) || leadingWords > 12) {
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
                if (leadingWords == 1
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

        /** Ends the statement in progress, if any, at a terminator on {@code terminatorLine} or at the end. */
        private void finish(boolean terminated, int terminatorLine) {
            if (firstStart < 0) {
                if (terminated) {
                    previousEndLine = terminatorLine;
                }
                return;
            }
            boolean lexedCleanly = lexer.problemCount() == problemsBefore;
            if (parenDepth > 0 && !terminated && lexedCleanly) {
                listener.problem(new SqlProblem(
                        path,
                        openParenLine,
                        openParenColumn,
                        SqlProblem.Kind.UNCLOSED_PARENTHESIS,
                        "unclosed parenthesis: the ( opened here is never closed, so the rest of the file was read"
                                + " as one statement",
                        "add the missing )"));
            } else if (blockDepth > 0 && !terminated && lexedCleanly) {
                listener.problem(new SqlProblem(
                        path,
                        beginLine,
                        beginColumn,
                        SqlProblem.Kind.UNCLOSED_BLOCK,
                        "unclosed block: the " + beginText + " opened here has no matching END, so the rest of the"
                                + " file was read as one statement",
                        "add the missing END (each BEGIN and CASE of the body needs one)"));
            }
            String text = content.subSequence(firstStart, lastEnd).toString();
            listener.statement(
                    new SqlStatement(path, firstLine, firstColumn, text, dialect, firstStart, pendingComments));
            pendingComments = new ArrayList<>();
            sameLineComments.clear();
            previousEndLine = terminated ? terminatorLine : lastLine;
            firstStart = -1;
            parenDepth = 0;
            blockDepth = 0;
            leadingWords = 0;
            routine = 0;
            pendingEnd = false;
            pendingBegin = false;
            copyState = 0;
        }
    }
}
