package dev.migrationsafety.roundtrip;

import org.flywaydb.core.api.logging.Log;
import org.flywaydb.core.api.logging.LogCreator;
import org.flywaydb.core.api.logging.LogFactory;

/**
 * Silences Flyway's console chatter: a round trip calls migrate hundreds of times and reports on its own. Flyway's
 * failures still reach us as exceptions.
 */
public final class QuietFlywayLog implements Log, LogCreator {
    private static volatile boolean installed;

    static synchronized void install() {
        if (!installed) {
            LogFactory.setLogCreator(new QuietFlywayLog());
            installed = true;
        }
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
    public void warn(String message) {}

    @Override
    public void error(String message) {}

    @Override
    public void error(String message, Exception e) {}

    @Override
    public void notice(String message) {}
}
