package dev.migrationsafety.roundtrip;

import java.sql.SQLException;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;

/**
 * Step mode's hooks into one Flyway migrate over many migrations. Flyway runs callbacks in the order of their names:
 * the hook after each up is named to run before the project's own {@code afterEachMigrate} callbacks, so the down
 * and re-up happen before them and they run once, on the final state, as in a deployment; the hook before each up
 * has no name and runs after the project's {@code beforeEachMigrate} callbacks. Both do nothing unless a
 * {@link Handler} is set for the current migrate.
 */
final class StepCallbacks {
    /** What step mode does around each up, inside Flyway's migrate. */
    interface Handler {
        void beforeUp(Context context) throws SQLException;

        /** After the up, in its transaction where it has one: the down, the re-up and their comparisons. */
        void afterUp(Context context) throws SQLException;
    }

    /** Ends Flyway's migrate early: a step failed in a way that needs a fresh scratch database, or failFast. */
    static final class Abort extends RuntimeException {
        Abort() {
            super("the round trip stopped Flyway's migrate after a failed step", null, false, false);
        }
    }

    private Handler handler;
    private final Callback before = new Hook(Event.BEFORE_EACH_MIGRATE, null);
    private final Callback after = new Hook(Event.AFTER_EACH_MIGRATE, "");

    Callback[] callbacks() {
        return new Callback[] {before, after};
    }

    void use(Handler h) {
        handler = h;
    }

    private final class Hook implements Callback {
        private final Event event;
        private final String name;

        Hook(Event event, String name) {
            this.event = event;
            this.name = name;
        }

        @Override
        public boolean supports(Event e, Context context) {
            return handler != null && e == event;
        }

        @Override
        public boolean canHandleInTransaction(Event e, Context context) {
            return true;
        }

        @Override
        public void handle(Event e, Context context) {
            try {
                if (event == Event.BEFORE_EACH_MIGRATE) {
                    handler.beforeUp(context);
                } else {
                    handler.afterUp(context);
                }
            } catch (SQLException ex) {
                throw new IllegalStateException(ex);
            }
        }

        @Override
        public String getCallbackName() {
            return name;
        }
    }
}
