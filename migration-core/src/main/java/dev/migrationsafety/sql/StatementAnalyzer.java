package dev.migrationsafety.sql;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns one split statement into the {@link Operation}s it performs. Every statement goes through both readers:
 * JSqlParser 5.4 (on the statement alone, comments removed and every run of whitespace collapsed to one space,
 * so that neither a second statement nor three newlines can cut it short; under a time limit) and the token
 * classifier; {@link Reconciler} joins the two conservatively. Thread-safe; one instance can serve every thread.
 */
public final class StatementAnalyzer {
    /** The default per-statement time limit of the parser. */
    public static final Duration DEFAULT_TIME_LIMIT = Duration.ofSeconds(2);

    /** Longer statements (huge INSERTs, generated data) are left to the token classifier alone. */
    static final int MAX_PARSE_CHARS = 100_000;

    /**
     * Statements nested deeper (parentheses and {@code CASE} together) are left to the token classifier alone:
     * JSqlParser's time grows with about the cube of the depth (0.01 s at 100, 0.2 s at 500, over 1 s at 1,000,
     * stack overflow beyond), while no migration a person writes nests a tenth as deep.
     */
    static final int MAX_PARSE_DEPTH = 100;

    /**
     * After this many statements of one file the parser failed on, statements of that file the token classifier
     * cannot clear are not given to it any more: a failed parse costs about a millisecond (JSqlParser builds its
     * error message by trying every alternative again), and a damaged file can hold thousands of such statements.
     * Deterministic, and fail-closed: such a statement is not analysable whether the parser is asked or not.
     */
    static final int MAX_FAILED_PARSES_PER_FILE = 100;

    /** What one file has cost the parser so far; one per file, used by one thread. */
    static final class FileBudget {
        private int failedParses;

        boolean exhausted() {
            return failedParses >= MAX_FAILED_PARSES_PER_FILE;
        }
    }

    private final SqlParserGateway parser;

    public StatementAnalyzer() {
        this(DEFAULT_TIME_LIMIT);
    }

    /** @param timeLimit how long JSqlParser may take on one statement before it is given up as unparsable */
    public StatementAnalyzer(Duration timeLimit) {
        this.parser = new SqlParserGateway(timeLimit);
    }

    /** Analyses a statement in the dialect it was split with. */
    public AnalyzedStatement analyze(SqlStatement statement) {
        return analyze(statement, statement.dialect());
    }

    /** Analyses a statement, reading names and quotes by {@code dialect}. */
    public AnalyzedStatement analyze(SqlStatement statement, Dialect dialect) {
        return analyze(statement, dialect, new FileBudget());
    }

    /** Analyses a statement of a file whose earlier statements spent {@code budget}. */
    AnalyzedStatement analyze(SqlStatement statement, Dialect dialect, FileBudget budget) {
        try {
            return analyzeOrThrow(statement, dialect, budget);
        } catch (RuntimeException | StackOverflowError e) {
            // fail closed with a message, never a stack trace in the build
            return new AnalyzedStatement(
                    statement,
                    List.of(new Operation.NotAnalysable("the analysis failed on this statement ("
                            + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage())
                            + "); please report it")),
                    false);
        }
    }

    private AnalyzedStatement analyzeOrThrow(SqlStatement statement, Dialect dialect, FileBudget budget) {
        List<Token> tokens = SqlLexer.forStatement(dialect, statement.text(), statement.line(), statement.column(), 0)
                .all();
        List<Tok> toks = new ArrayList<>(tokens.size());
        StringBuilder parseText = new StringBuilder(statement.text().length());
        int previousEnd = -1;
        int depth = 0;
        int caseDepth = 0;
        int maxDepth = 0;
        for (Token token : tokens) {
            Tok tok = Tok.of(token);
            if (tok == null) {
                continue;
            }
            toks.add(tok);
            if (tok.isSymbol("(")) {
                maxDepth = Math.max(maxDepth, ++depth + caseDepth);
            } else if (tok.isSymbol(")")) {
                depth = Math.max(0, depth - 1);
            } else if (tok.is("CASE")) {
                maxDepth = Math.max(maxDepth, depth + ++caseDepth);
            } else if (tok.is("END") && caseDepth > 0) {
                caseDepth--;
            }
            if (previousEnd >= 0 && token.start() > previousEnd) {
                parseText.append(' ');
            }
            // a placeholder becomes a quoted name, which JSqlParser reads anywhere a name or value may stand
            parseText.append(token.type() == TokenType.PLACEHOLDER ? '"' + token.text() + '"' : token.text());
            previousEnd = token.end();
        }
        if (toks.isEmpty()) {
            return new AnalyzedStatement(statement, List.of(), false);
        }
        TokenClassifier classifier =
                new TokenClassifier(dialect, (text, line, column) -> relex(text, dialect, line, column));
        TokenOps byTokens = classifier.classify(toks);
        TreeOperations.Result byTree = null;
        String failure;
        if (parseText.length() > MAX_PARSE_CHARS) {
            failure = "longer than " + MAX_PARSE_CHARS + " characters";
        } else if (maxDepth > MAX_PARSE_DEPTH) {
            failure = "nested " + maxDepth + " levels deep in parentheses and CASE, deeper than the " + MAX_PARSE_DEPTH
                    + " it is given";
        } else if (byTokens.complete() && treeAddsNothingDestructive(toks)) {
            failure = "not needed";
        } else if (!byTokens.complete() && budget.exhausted()) {
            failure = "not asked: it already failed on " + MAX_FAILED_PARSES_PER_FILE + " statements of this file";
        } else {
            SqlParserGateway.Outcome outcome = parser.parse(parseText.toString());
            failure = outcome.failure();
            if (outcome.parsed()) {
                byTree = new TreeOperations(dialect).map(outcome.tree());
            } else {
                budget.failedParses++;
            }
        }
        Reconciler.Result joined = Reconciler.reconcileWithSites(byTree, failure, byTokens);
        return new AnalyzedStatement(
                statement, joined.operations(), byTree != null, joined.sites(), List.copyOf(byTokens.calls.values()));
    }

    /**
     * Whether JSqlParser's tree of this statement can only yield operations that lose no data and that no check
     * reads beyond what the tokens give: then, once the token classifier has cleared the statement, parsing it
     * cannot change the verdict and is skipped (the parser costs 5-10 times the rest). JSqlParser picks the kind
     * of tree from the first keywords, and {@link TreeOperations} maps these kinds to nothing (SELECT, COMMENT,
     * GRANT, SET, ...; it fails on END), to one {@code Insert}, one {@code CreateTable}, one {@code CreateIndex} (whose
     * {@code CONCURRENTLY} comes from the tokens in any case) or one {@code CreateObject}; routine bodies and DO
     * blocks are read by the tokens only.
     */
    static boolean treeAddsNothingDestructive(List<Tok> toks) {
        Tok first = toks.get(0);
        if (first.kind() != Tok.Kind.WORD) {
            return false;
        }
        switch (first.upper()) {
            case "SELECT",
                    "COMMENT",
                    "GRANT",
                    "REVOKE",
                    "SET",
                    "RESET",
                    "SHOW",
                    "USE",
                    "COMMIT",
                    "ROLLBACK",
                    "SAVEPOINT",
                    "RELEASE",
                    "ANALYZE",
                    "VACUUM",
                    "INSERT",
                    "DO",
                    "CALL",
                    "LOCK",
                    "UNLOCK",
                    "END" -> { // JSqlParser has no statement that starts with END (PostgreSQL's COMMIT)
                return true;
            }
            case "CREATE" -> {
                for (int i = 1; i < Math.min(toks.size(), 5); i++) {
                    Tok t = toks.get(i);
                    if (t.is("TABLE")
                            || t.is("INDEX")
                            || t.is("VIEW")
                            || t.is("SEQUENCE")
                            || t.is("SCHEMA")
                            || t.is("FUNCTION")
                            || t.is("PROCEDURE")
                            || t.is("TRIGGER")
                            || t.is("TYPE")
                            || t.is("EXTENSION")) {
                        return true;
                    }
                }
                return false;
            }
            default -> {
                return false;
            }
        }
    }

    static List<Tok> relex(String text, Dialect dialect) {
        return relex(text, dialect, 1, 1);
    }

    /** The significant tokens of {@code text}, whose first character is at {@code line}:{@code column} of its file. */
    static List<Tok> relex(String text, Dialect dialect, int line, int column) {
        List<Tok> out = new ArrayList<>();
        for (Token token : SqlLexer.forStatement(dialect, text, line, column, 0).all()) {
            Tok tok = Tok.of(token);
            if (tok != null) {
                out.add(tok);
            }
        }
        return out;
    }
}
