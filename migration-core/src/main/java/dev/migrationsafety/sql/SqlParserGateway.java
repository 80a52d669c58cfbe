package dev.migrationsafety.sql;

import java.time.Duration;
import net.sf.jsqlparser.parser.CCJSqlParser;
import net.sf.jsqlparser.parser.CCJSqlParserConstants;
import net.sf.jsqlparser.parser.StringProvider;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.UnsupportedStatement;

/**
 * JSqlParser 5.4 used safely: one statement per call (the caller splits), the parser run in the calling thread (a
 * new executor per statement is several times slower), the whole input required to be consumed (JSqlParser stops
 * silently after the first statement otherwise), and a time limit enforced by {@link ParserWatchdog}. As
 * {@code CCJSqlParserUtil.parse} does, simple parsing is tried first and complex parsing only when that fails; we
 * call the parser ourselves because that utility logs every call at INFO through java.util.logging.
 */
final class SqlParserGateway {

    /** What the parser made of one statement: a tree, or why not. */
    record Outcome(Statement tree, String failure, boolean timedOut) {
        boolean parsed() {
            return tree != null;
        }
    }

    private static final String TIMED_OUT = "the parser's time limit was reached";
    private static final int MAX_NESTING = 10;

    private final long limitNanos;

    SqlParserGateway(Duration limit) {
        this.limitNanos = limit.toNanos();
    }

    Outcome parse(String text) {
        try (ParserWatchdog.Scope scope = ParserWatchdog.open()) {
            ParserWatchdog.Watch watch = new ParserWatchdog.Watch(limitNanos);
            Outcome simple = attempt(text, false, watch);
            if (simple.parsed() || simple.timedOut() || nesting(text) > MAX_NESTING) {
                return simple;
            }
            Outcome complex = attempt(text, true, watch);
            return complex.parsed() || complex.timedOut() ? complex : simple;
        }
    }

    private static Outcome attempt(String text, boolean complex, ParserWatchdog.Watch watch) {
        CCJSqlParser parser = new CCJSqlParser(new StringProvider(text));
        parser.withAllowComplexParsing(complex);
        ParserWatchdog.watch(parser, watch);
        try {
            Statement tree = parser.Statement();
            if (parser.interrupted) {
                return new Outcome(null, TIMED_OUT, true);
            }
            if (tree == null || tree instanceof UnsupportedStatement) {
                return new Outcome(null, "the parser does not support this statement", false);
            }
            int next = parser.getNextToken().kind;
            if (next != CCJSqlParserConstants.EOF) {
                return new Outcome(null, "the parser stopped before the end of the statement", false);
            }
            return new Outcome(tree, null, false);
        } catch (Exception | StackOverflowError e) {
            if (parser.interrupted) {
                return new Outcome(null, TIMED_OUT, true);
            }
            String message = String.valueOf(e.getMessage());
            int nl = message.indexOf('\n');
            return new Outcome(null, nl < 0 ? message : message.substring(0, nl), false);
        } finally {
            ParserWatchdog.unwatch(parser);
        }
    }

    /** Parenthesis depth, as JSqlParser's own guard uses before it tries complex parsing. */
    private static int nesting(String text) {
        int depth = 0;
        int max = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '(') {
                max = Math.max(max, ++depth);
            } else if (c == ')') {
                depth--;
            }
        }
        return max;
    }
}
