package dev.migrationsafety.release.drift;

import dev.migrationsafety.database.DbTarget;
import dev.migrationsafety.sql.Dialect;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Keeps the replay off the target: a scratch URL that names the target's own database is refused before anything
 * is created, since a scratch schema made there (where the account may not create databases) would change the
 * target. A scratch database on the target's server, beside it, is allowed: it is created and dropped under its own
 * name.
 */
final class TargetGuard {
    private static final Pattern SERVER_URL = Pattern.compile("^jdbc:([a-z0-9]+)://([^/?;]*)(?:/([^?;]*))?.*$");
    private static final Set<String> LOOPBACK = Set.of("localhost", "127.0.0.1", "::1", "[::1]");

    private TargetGuard() {}

    static void refuseTarget(DbTarget admin, Connection target) throws SQLException {
        if (admin.dialect() == Dialect.H2) {
            return;
        }
        Matcher a = SERVER_URL.matcher(admin.url());
        Matcher t = SERVER_URL.matcher(target.getMetaData().getURL());
        if (!a.matches() || !t.matches()) {
            return;
        }
        String targetDatabase = target.getCatalog() != null ? target.getCatalog() : t.group(3);
        if (server(a).equals(server(t)) && targetDatabase != null && targetDatabase.equals(a.group(3))) {
            throw new DriftException("the scratch URL " + admin.maskedUrl() + " names the target database "
                    + targetDatabase + ", and the drift replay never runs on the target; give a scratch URL of another"
                    + " database (the replay creates its own database there and drops it), or none to replay into"
                    + " the embedded database");
        }
    }

    private static String server(Matcher m) {
        String hostPort = m.group(2);
        int at = hostPort.lastIndexOf('@');
        hostPort = hostPort.substring(at + 1).toLowerCase(Locale.ROOT);
        int colon = hostPort.lastIndexOf(':');
        String host = colon > 0 && !hostPort.endsWith("]") ? hostPort.substring(0, colon) : hostPort;
        String port = colon > 0 && !hostPort.endsWith("]") ? hostPort.substring(colon + 1) : defaultPort(m.group(1));
        return (LOOPBACK.contains(host) ? "loopback" : host) + ":" + port;
    }

    private static String defaultPort(String scheme) {
        return scheme.equals("postgresql") ? "5432" : "3306";
    }
}
