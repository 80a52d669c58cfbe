package dev.migrationsafety.sql;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

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
     * stays bounded by the largest statement whatever the file size. A problem is handed over as soon as it is
     * found, which can be before the statement it concerns is complete.
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
        private final StatementNesting nesting;

        /** Start offset, line and column of the statement in progress; {@code firstStart < 0} when none. */
        private int firstStart = -1;

        private int firstLine;
        private int firstColumn;
        private int lastEnd;
        private int lastLine;
        private List<Token> pendingComments = new ArrayList<>();
        /** Comments after the previous statement on its last line: the next statement's only if it starts there. */
        private final List<Token> sameLineComments = new ArrayList<>();
        /** Line where the previous statement ended; comments starting on it belong to that statement. */
        private int previousEndLine = -1;
        /** Lexer problems before the statement in progress: an unterminated quote explains an unclosed (. */
        private int problemsBefore;

        Run(String path, CharSequence content, Listener listener) {
            this.path = path == null ? "" : path;
            this.content = content;
            this.listener = listener;
            this.lexer = SqlLexer.forScript(dialect, this.path, content);
            this.nesting = new StatementNesting(dialect, lexer);
        }

        void run() {
            int reported = 0;
            for (TokenType type = lexer.advance(); type != null; type = lexer.advance()) {
                accept(type);
                if (lexer.problemCount() > reported) {
                    reported = reportProblems(reported);
                }
            }
            nesting.beforeEnd();
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
                    nesting.beforeEnd();
                    if (firstStart >= 0 && lexer.tokenIs(';') && nesting.holdsSemicolon()) {
                        lastEnd = lexer.tokenEnd();
                        lastLine = lexer.tokenLine();
                    } else {
                        boolean copyData = firstStart >= 0 && nesting.copyFromStdin();
                        finish(true, lexer.tokenLine());
                        if (copyData) {
                            lexer.skipCopyData();
                        }
                    }
                }
                case DELIMITER_DIRECTIVE -> {
                    nesting.beforeEnd();
                    finish(true, lexer.tokenLine());
                }
                case BACKSLASH_COMMAND -> {
                    nesting.beforeEnd();
                    finish(true, lexer.tokenLine());
                    listener.command(
                            new ClientCommand(path, lexer.tokenLine(), lexer.tokenColumn(), lexer.tokenText()));
                }
                default -> significant(type);
            }
        }

        private void significant(TokenType type) {
            if (firstStart < 0) {
                firstStart = lexer.tokenStart();
                firstLine = lexer.tokenLine();
                firstColumn = lexer.tokenColumn();
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
            nesting.significant(type);
        }

        /** Ends the statement in progress, if any, at a terminator on {@code terminatorLine} or at the end. */
        private void finish(boolean terminated, int terminatorLine) {
            if (firstStart < 0) {
                if (terminated) {
                    previousEndLine = terminatorLine;
                }
                return;
            }
            if (lexer.problemCount() == problemsBefore) {
                SqlProblem nested = terminated ? null : nesting.unclosed(path);
                if (nested == null) {
                    nested = nesting.semicolonInParentheses(path);
                }
                if (nested != null) {
                    listener.problem(nested);
                }
            }
            String text = content.subSequence(firstStart, lastEnd).toString();
            listener.statement(
                    new SqlStatement(path, firstLine, firstColumn, text, dialect, firstStart, pendingComments));
            pendingComments = new ArrayList<>();
            sameLineComments.clear();
            previousEndLine = terminated ? terminatorLine : lastLine;
            firstStart = -1;
            nesting.reset();
        }
    }
}
