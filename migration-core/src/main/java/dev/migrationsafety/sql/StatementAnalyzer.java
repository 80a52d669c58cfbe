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
        List<Token> tokens =
                SqlLexer.forStatement(dialect, statement.text(), 1, 1, 0).all();
        List<Tok> toks = new ArrayList<>(tokens.size());
        StringBuilder parseText = new StringBuilder(statement.text().length());
        int previousEnd = -1;
        for (Token token : tokens) {
            Tok tok = Tok.of(token);
            if (tok == null) {
                continue;
            }
            toks.add(tok);
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
        TokenClassifier classifier = new TokenClassifier(dialect, text -> relex(text, dialect));
        TokenOps byTokens = classifier.classify(toks);
        TreeOperations.Result byTree = null;
        String failure;
        if (parseText.length() > MAX_PARSE_CHARS) {
            failure = "longer than " + MAX_PARSE_CHARS + " characters";
        } else {
            SqlParserGateway.Outcome outcome = parser.parse(parseText.toString());
            failure = outcome.failure();
            if (outcome.parsed()) {
                byTree = new TreeOperations(dialect).map(outcome.tree());
            }
        }
        return new AnalyzedStatement(statement, Reconciler.reconcile(byTree, failure, byTokens), byTree != null);
    }

    static List<Tok> relex(String text, Dialect dialect) {
        List<Tok> out = new ArrayList<>();
        for (Token token : SqlLexer.tokenize(dialect, text)) {
            Tok tok = Tok.of(token);
            if (tok != null) {
                out.add(tok);
            }
        }
        return out;
    }
}
