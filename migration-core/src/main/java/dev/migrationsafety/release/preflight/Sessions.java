package dev.migrationsafety.release.preflight;

import dev.migrationsafety.report.Finding;
import dev.migrationsafety.report.Severity;
import java.util.Locale;
import java.util.regex.Pattern;

/** How the preflight names other sessions: never more than a short form of their statement, literals hidden. */
final class Sessions {
    static final String PATH = "database";
    static final int QUERY_CHARS = 60;
    private static final Pattern LITERAL = Pattern.compile("'(?:[^']|'')*'?");
    private static final Pattern SPACE = Pattern.compile("\\s+");

    private Sessions() {}

    /** {@code session 123 (user app, application 'api', idle in transaction)}. */
    static String session(long id, String user, String application, String state) {
        StringBuilder s = new StringBuilder("session ").append(id);
        StringBuilder in = new StringBuilder();
        if (user != null && !user.isBlank()) {
            in.append("user ").append(user);
        }
        if (application != null && !application.isBlank()) {
            in.append(in.length() > 0 ? ", " : "")
                    .append("application '")
                    .append(application)
                    .append('\'');
        }
        if (state != null && !state.isBlank()) {
            in.append(in.length() > 0 ? ", " : "").append(state.toLowerCase(Locale.ROOT));
        }
        return in.length() == 0
                ? s.toString()
                : s.append(" (").append(in).append(')').toString();
    }

    /** The statement's first {@value #QUERY_CHARS} characters, whitespace collapsed and string literals hidden. */
    static String query(String text) {
        if (text == null || text.isBlank() || text.startsWith("<insufficient")) {
            return null;
        }
        String q = SPACE.matcher(LITERAL.matcher(text).replaceAll("'…'"))
                .replaceAll(" ")
                .strip();
        return q.length() <= QUERY_CHARS ? q : q.substring(0, QUERY_CHARS) + "…";
    }

    static Finding finding(Severity severity, String rule, String message, String fix) {
        return new Finding(PATH, 0, 0, severity, rule, message, fix);
    }

    /** {@code RowExclusiveLock} as {@code ROW EXCLUSIVE}. */
    static String pgMode(String mode) {
        String m = mode.endsWith("Lock") ? mode.substring(0, mode.length() - 4) : mode;
        return m.replaceAll("([a-z])([A-Z])", "$1 $2").toUpperCase(Locale.ROOT);
    }

    static String firstLine(Exception e) {
        String m = e.getMessage() == null
                ? e.getClass().getSimpleName()
                : e.getMessage().strip();
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }
}
