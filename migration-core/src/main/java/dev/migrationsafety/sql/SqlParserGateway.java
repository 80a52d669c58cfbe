package dev.migrationsafety.sql;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import net.sf.jsqlparser.parser.CCJSqlParser;
import net.sf.jsqlparser.parser.CCJSqlParserConstants;
import net.sf.jsqlparser.parser.StringProvider;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.UnsupportedStatement;

/**
 * JSqlParser 5.4 used safely: one statement per call (the caller splits), the parser run in the calling thread (a
 * new executor per statement is several times slower), the whole input required to be consumed (JSqlParser stops
 * silently after the first statement otherwise), and a time limit enforced by one shared daemon watchdog that sets
 * the parser's {@code interrupted} flag, which the grammar polls in its expression and look-ahead loops. The limit
 * counts the parsing thread's CPU time, so a loaded build machine or a cold JVM does not turn slow scheduling into
 * a spurious time-out; a wall-clock cap of ten times the limit still ends any parse. As
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

    /** A parse in progress: whose CPU time to watch, from when, and when it must end whatever the CPU says. */
    private record Watch(Thread thread, long cpuStart, long cpuLimit, long wallDeadline) {}

    private static final Map<CCJSqlParser, Watch> RUNNING = new ConcurrentHashMap<>();
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final boolean CPU_TIME = THREADS.isThreadCpuTimeSupported() && THREADS.isThreadCpuTimeEnabled();
    private static final int MAX_NESTING = 10;

    static {
        Thread watchdog = new Thread(SqlParserGateway::watch, "migration-sql-parse-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
    }

    private final long limitNanos;

    SqlParserGateway(Duration limit) {
        this.limitNanos = limit.toNanos();
    }

    Outcome parse(String text) {
        Thread thread = Thread.currentThread();
        Watch watch = new Watch(thread, cpuTime(thread), limitNanos, System.nanoTime() + 10 * limitNanos);
        Outcome simple = attempt(text, false, watch);
        if (simple.parsed() || simple.timedOut() || nesting(text) > MAX_NESTING) {
            return simple;
        }
        Outcome complex = attempt(text, true, watch);
        return complex.parsed() || complex.timedOut() ? complex : simple;
    }

    private static Outcome attempt(String text, boolean complex, Watch watch) {
        if (expired(watch, System.nanoTime())) {
            return new Outcome(null, "the parser's time limit was reached", true);
        }
        CCJSqlParser parser = new CCJSqlParser(new StringProvider(text));
        parser.withAllowComplexParsing(complex);
        RUNNING.put(parser, watch);
        try {
            Statement tree = parser.Statement();
            if (parser.interrupted) {
                return new Outcome(null, "the parser's time limit was reached", true);
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
                return new Outcome(null, "the parser's time limit was reached", true);
            }
            String message = String.valueOf(e.getMessage());
            int nl = message.indexOf('\n');
            return new Outcome(null, nl < 0 ? message : message.substring(0, nl), false);
        } finally {
            RUNNING.remove(parser);
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

    private static boolean expired(Watch watch, long now) {
        if (now - watch.wallDeadline() >= 0) {
            return true;
        }
        if (!CPU_TIME) {
            return now - (watch.wallDeadline() - 9 * watch.cpuLimit()) >= 0; // wall clock at the limit itself
        }
        return cpuTime(watch.thread()) - watch.cpuStart() >= watch.cpuLimit();
    }

    private static long cpuTime(Thread thread) {
        if (!CPU_TIME) {
            return 0;
        }
        long t = thread == Thread.currentThread()
                ? THREADS.getCurrentThreadCpuTime()
                : THREADS.getThreadCpuTime(thread.getId());
        return t < 0 ? 0 : t;
    }

    private static void watch() {
        while (true) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                return;
            }
            long now = System.nanoTime();
            RUNNING.forEach((parser, watch) -> {
                if (expired(watch, now)) {
                    parser.interrupted = true;
                }
            });
        }
    }
}
