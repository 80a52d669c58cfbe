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
    private static final Set<String> END_NOT_CLOSING_BEGIN = Set.of("IF", "LOOP", "WHILE", "REPEAT", "FOR");

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

    /** The state of splitting one file. */
    private final class Run {
        private final String path;
        private final CharSequence content;
        private final Listener listener;
        private final SqlLexer lexer;

        private Token first;
        private Token last;
        private List<Token> pendingComments = new ArrayList<>();
        /** Line where the previous statement ended; comments starting on it belong to that statement. */
        private int previousEndLine = -1;

        private int parenDepth;
        private Token outermostOpenParen;
        private int blockDepth;
        private Token outermostBegin;
        private int leadingWords;
        /** 0 unknown yet, 1 routine with a possible body, -1 not a routine. */
        private int routine;

        private boolean pendingEnd;

        Run(String path, CharSequence content, Listener listener) {
            this.path = path == null ? "" : path;
            this.content = content;
            this.listener = listener;
            this.lexer = SqlLexer.forScript(dialect, this.path, content);
        }

        void run() {
            int reported = 0;
            for (Token t = lexer.next(); t != null; t = lexer.next()) {
                accept(t);
                reported = reportProblems(reported);
            }
            resolvePendingEnd(null);
            finish(null);
            reportProblems(reported);
        }

        private int reportProblems(int reported) {
            List<SqlProblem> problems = lexer.problems();
            for (int i = reported; i < problems.size(); i++) {
                listener.problem(problems.get(i));
            }
            return problems.size();
        }

        private void accept(Token t) {
            switch (t.type()) {
                case LINE_COMMENT, BLOCK_COMMENT -> {
                    listener.comment(t);
                    if (first == null && t.line() != previousEndLine) {
                        pendingComments.add(t);
                    }
                }
                case DELIMITER -> {
                    resolvePendingEnd(t);
                    boolean nestable = t.text().equals(";");
                    if (first != null && nestable && (parenDepth > 0 || blockDepth > 0)) {
                        last = t;
                    } else {
                        finish(t);
                    }
                }
                case DELIMITER_DIRECTIVE -> {
                    resolvePendingEnd(t);
                    finish(t);
                }
                case BACKSLASH_COMMAND -> {
                    resolvePendingEnd(t);
                    finish(t);
                    listener.command(new ClientCommand(path, t.line(), t.column(), t.text()));
                }
                default -> significant(t);
            }
        }

        private void significant(Token t) {
            boolean afterEnd = pendingEnd;
            resolvePendingEnd(t);
            if (first == null) {
                first = t;
            }
            last = t;
            if (t.type() == TokenType.PUNCTUATION) {
                if (t.text().equals("(")) {
                    if (parenDepth++ == 0) {
                        outermostOpenParen = t;
                    }
                } else if (t.text().equals(")") && parenDepth > 0) {
                    parenDepth--;
                }
            } else if (t.type() == TokenType.WORD && !afterEnd) {
                trackBlocks(t); // the word after END (END CASE, END IF, END lbl) opens nothing
            }
        }

        /** Follows BEGIN ... END nesting in routines so that their inner {@code ;} do not split. */
        private void trackBlocks(Token word) {
            String w = word.text().toUpperCase(Locale.ROOT);
            leadingWords++;
            if (routine == 0) {
                if (leadingWords == 1) {
                    if (!w.equals("CREATE") && !w.equals("BEGIN")) {
                        routine = -1;
                    }
                    return;
                }
                if (leadingWords == 2 && first.is("BEGIN")) {
                    routine = w.equals("NOT") ? 1 : -1; // MariaDB BEGIN NOT ATOMIC; else a transaction
                    if (routine == 1) {
                        open(first);
                    }
                    return;
                }
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
            switch (w) {
                case "BEGIN" -> open(word);
                case "CASE" -> {
                    if (blockDepth > 0) {
                        blockDepth++;
                    }
                }
                case "END" -> {
                    if (blockDepth > 0) {
                        pendingEnd = true;
                    }
                }
                default -> {}
            }
        }

        private void open(Token begin) {
            if (blockDepth++ == 0) {
                outermostBegin = begin;
            }
        }

        /** An END closes a block unless it is END IF, END LOOP, END WHILE, END REPEAT or END FOR. */
        private void resolvePendingEnd(Token next) {
            if (!pendingEnd) {
                return;
            }
            pendingEnd = false;
            if (next != null && next.type() == TokenType.WORD) {
                String w = next.text().toUpperCase(Locale.ROOT);
                if (END_NOT_CLOSING_BEGIN.contains(w)) {
                    return;
                }
            }
            if (blockDepth > 0) {
                blockDepth--;
            }
        }

        /** Ends the statement in progress, if any, at {@code terminator} (null at the end of the file). */
        private void finish(Token terminator) {
            if (first == null) {
                if (terminator != null) {
                    previousEndLine = terminator.line();
                }
                return;
            }
            if (parenDepth > 0 && terminator == null) {
                listener.problem(new SqlProblem(
                        path,
                        outermostOpenParen.line(),
                        outermostOpenParen.column(),
                        SqlProblem.Kind.UNCLOSED_PARENTHESIS,
                        "unclosed parenthesis: the ( opened here is never closed, so the rest of the file was read"
                                + " as one statement",
                        "add the missing )"));
            } else if (blockDepth > 0 && terminator == null) {
                listener.problem(new SqlProblem(
                        path,
                        outermostBegin.line(),
                        outermostBegin.column(),
                        SqlProblem.Kind.UNCLOSED_BLOCK,
                        "unclosed block: the " + outermostBegin.text() + " opened here has no matching END, so the"
                                + " rest of the file was read as one statement",
                        "add the missing END (each BEGIN and CASE of the body needs one)"));
            }
            Token end = last;
            String text = content.subSequence(first.start(), end.end()).toString();
            listener.statement(new SqlStatement(
                    path, first.line(), first.column(), text, dialect, first.start(), pendingComments));
            pendingComments = new ArrayList<>();
            previousEndLine = terminator != null ? terminator.line() : end.line();
            first = null;
            last = null;
            parenDepth = 0;
            outermostOpenParen = null;
            blockDepth = 0;
            outermostBegin = null;
            leadingWords = 0;
            routine = 0;
            pendingEnd = false;
        }
    }
}
