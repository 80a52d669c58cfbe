package dev.migrationsafety.flyway;

import java.util.function.Consumer;
import org.flywaydb.core.api.logging.Log;
import org.flywaydb.core.api.logging.LogCreator;
import org.flywaydb.core.api.logging.LogFactory;

/**
 * Keeps Flyway's console chatter out of the round trip's output (it calls migrate hundreds of times and reports on
 * its own): Flyway's debug, info and notice lines are dropped, while its warnings and errors go to the sink that
 * {@link #routeTo} set for the current thread, if any. Flyway logs on the thread that calls it, so concurrent round
 * trips (parallel Maven builds) each get their own lines.
 */
public final class QuietFlywayLog implements Log, LogCreator {
    /** A warning or error line of Flyway's. */
    public record Line(boolean error, String text) {}

    /** Ends a {@link #routeTo}. */
    public interface Route extends AutoCloseable {
        @Override
        void close();
    }

    private static final ThreadLocal<Consumer<Line>> SINK = new ThreadLocal<>();
    private static volatile boolean installed;

    public static synchronized void install() {
        if (!installed) {
            LogFactory.setLogCreator(new QuietFlywayLog());
            installed = true;
        }
    }

    /**
     * Sends Flyway's warnings and errors logged on this thread to {@code sink} until the returned handle is closed.
     */
    public static Route routeTo(Consumer<Line> sink) {
        Consumer<Line> previous = SINK.get();
        SINK.set(sink);
        return () -> {
            if (previous == null) {
                SINK.remove();
            } else {
                SINK.set(previous);
            }
        };
    }

    /** For Flyway, which instantiates the class named in its {@code loggers} setting. */
    public QuietFlywayLog() {}

    @Override
    public Log createLogger(Class<?> clazz) {
        return this;
    }

    @Override
    public boolean isDebugEnabled() {
        return false;
    }

    @Override
    public void debug(String message) {}

    @Override
    public void info(String message) {}

    @Override
    public void warn(String message) {
        send(false, message);
    }

    @Override
    public void error(String message) {
        send(true, message);
    }

    @Override
    public void error(String message, Exception e) {
        String detail = e == null || e.getMessage() == null ? null : e.getMessage();
        send(true, detail == null || (message != null && message.contains(detail)) ? message : message + ": " + detail);
    }

    @Override
    public void notice(String message) {}

    private static void send(boolean error, String message) {
        Consumer<Line> sink = SINK.get();
        if (sink != null && message != null && !message.isBlank()) {
            sink.accept(new Line(error, message));
        }
    }
}
