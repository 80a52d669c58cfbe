package dev.migrationsafety.sql;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import net.sf.jsqlparser.parser.CCJSqlParser;

/**
 * Ends parses that run past their time limit, by setting the parser's {@code interrupted} flag (which the grammar
 * polls in its expression and look-ahead loops) from a thread of its own, "migration-sql-parse-watchdog".
 *
 * <p>That thread exists only while a {@link Scope} is open: the first scope starts it, closing the last one stops
 * it and waits for it to end. Every entry point of the analysis (the check run, the graph run) holds a scope for
 * its whole run and closes it in a {@code finally}, so no thread of ours outlives the mojo or rule that started it
 * (a thread left running after Maven closes the plugin's class realm fails there with
 * {@code NoClassDefFoundError}). Each parse also holds a scope, which costs a counter increment when the run holds
 * one and starts a thread for that parse alone otherwise (code that calls the parser directly, such as tests).
 *
 * <p>The limit counts the parsing thread's CPU time, so a loaded build machine or a cold JVM does not turn slow
 * scheduling into a spurious time-out; a wall-clock cap of ten times the limit still ends any parse. The parsing
 * thread itself only reads the wall clock: the CPU time of a parse (a system call) is read by the watchdog, only
 * for the rare parse still running at its next tick, and compared with the limit only once the wall clock has
 * passed it (CPU time cannot be ahead of the wall clock).
 */
public final class ParserWatchdog {
    /** The watchdog thread's name; every thread this project starts is named {@code migration-*}. */
    static final String THREAD_NAME = "migration-sql-parse-watchdog";

    private static final long TICK_MILLIS = 20;
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final boolean CPU_TIME = THREADS.isThreadCpuTimeSupported() && THREADS.isThreadCpuTimeEnabled();

    private static final Object LOCK = new Object();
    private static final Map<CCJSqlParser, Watch> RUNNING = new ConcurrentHashMap<>();
    private static int open;
    private static Thread thread;

    /** An open scope: keeps the watchdog running until closed. Close it exactly once. */
    public static final class Scope implements AutoCloseable {
        private boolean closed;

        private Scope() {}

        @Override
        public void close() {
            if (closed) {
                return;
            }
            closed = true;
            release();
        }
    }

    /** A parse in progress: whose CPU time to watch, from when, and until when at most. */
    static final class Watch {
        final Thread parsing = Thread.currentThread();
        final long limitNanos;
        final long wallStart = System.nanoTime();
        /** The parsing thread's CPU time when the watchdog first saw this parse; -1 before that. */
        long cpuStart = -1;

        Watch(long limitNanos) {
            this.limitNanos = limitNanos;
        }

        /** Whether the wall clock alone says the parse is over: past ten times the limit, or the limit without CPU times. */
        boolean wallExpired(long now) {
            long elapsed = now - wallStart;
            return elapsed >= 10 * limitNanos || (!CPU_TIME && elapsed >= limitNanos);
        }
    }

    private ParserWatchdog() {}

    /** Opens a scope: the watchdog runs (at least) until it is closed. */
    public static Scope open() {
        synchronized (LOCK) {
            if (open++ == 0 || thread == null) {
                thread = new Thread(ParserWatchdog::run, THREAD_NAME);
                thread.setDaemon(true);
                thread.start();
            }
        }
        return new Scope();
    }

    private static void release() {
        Thread stopping;
        synchronized (LOCK) {
            if (--open > 0 || thread == null) {
                return;
            }
            stopping = thread;
            thread = null;
            stopping.interrupt();
        }
        boolean interrupted = false;
        while (stopping.isAlive()) {
            try {
                stopping.join();
            } catch (InterruptedException e) {
                interrupted = true; // keep waiting: the thread must be gone before the entry point returns
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** Watches {@code parser} until {@link #unwatch}; the caller holds a scope. */
    static void watch(CCJSqlParser parser, Watch watch) {
        RUNNING.put(parser, watch);
    }

    static void unwatch(CCJSqlParser parser) {
        RUNNING.remove(parser);
    }

    private static void run() {
        while (!Thread.currentThread().isInterrupted()) {
            try {
                Thread.sleep(TICK_MILLIS);
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

    private static boolean expired(Watch watch, long now) {
        if (watch.wallExpired(now)) {
            return true;
        }
        if (!CPU_TIME) {
            return false;
        }
        if (watch.cpuStart < 0) {
            watch.cpuStart = cpuTime(watch.parsing); // up to one tick of CPU before this is not counted
            return false;
        }
        return now - watch.wallStart >= watch.limitNanos && cpuTime(watch.parsing) - watch.cpuStart >= watch.limitNanos;
    }

    private static long cpuTime(Thread t) {
        long nanos = THREADS.getThreadCpuTime(t.getId());
        return Math.max(nanos, 0);
    }
}
