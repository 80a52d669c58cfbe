package dev.migrationsafety.database;

import dev.migrationsafety.catalog.DriverMessages;
import dev.migrationsafety.sql.Dialect;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a failed login or a statement the server refused for want of rights into one message: what failed (the host,
 * the port, the login, the database named in the URL, a right), where ({@code host:port}), the server's own words, and
 * how to fix it. Read from the JDBC driver's exception: its cause ({@link UnknownHostException}, a refused or timed out
 * socket) and its SQLState and vendor code (PostgreSQL {@code 28P01}, {@code 28000}, {@code 3D000}, {@code 42501};
 * MariaDB/MySQL 1045, 1044, 1049, 1227). Passwords are masked with the target's {@link DbTarget#mask}.
 */
final class ConnectionFailure {
    private static final Pattern SERVER = Pattern.compile("(?i)^jdbc:[a-z0-9]+://(?:[^/@?;]*@)?([^/?;]*)");
    private static final Pattern QUOTED = Pattern.compile("[\"'`]([^\"'`]+)[\"'`]");

    /** What went wrong, as far as the exception tells. */
    enum Kind {
        UNKNOWN_HOST,
        REFUSED,
        TIMEOUT,
        LOGIN,
        NO_SUCH_DATABASE,
        DATABASE_DENIED,
        NO_RIGHTS,
        BROKEN,
        OTHER
    }

    private ConnectionFailure() {}

    /** Classifies a driver's exception. */
    static Kind kind(SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof UnknownHostException) {
                return Kind.UNKNOWN_HOST;
            }
            if (t instanceof ConnectException && !(t instanceof NoRouteToHostException)) {
                return Kind.REFUSED;
            }
            if (t instanceof SocketTimeoutException
                    || t instanceof NoRouteToHostException
                    || t instanceof SQLTimeoutException) {
                return Kind.TIMEOUT;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        int code = e.getErrorCode();
        if (state.equals("28P01") || state.equals("28000") || code == 1045 || code == 1698) {
            return Kind.LOGIN;
        }
        if (state.equals("3D000") || code == 1049) {
            return Kind.NO_SUCH_DATABASE;
        }
        if (code == 1044) {
            return Kind.DATABASE_DENIED;
        }
        if (state.equals("42501") || code == 1227 || code == 1142 || code == 1410) {
            return Kind.NO_RIGHTS;
        }
        if (state.startsWith("08")) {
            return Kind.BROKEN;
        }
        return Kind.OTHER;
    }

    /** Whether the server refused a statement for want of rights (not: could not be reached, or failed otherwise). */
    static boolean wantsRights(SQLException e) {
        Kind kind = kind(e);
        return kind == Kind.NO_RIGHTS || kind == Kind.DATABASE_DENIED;
    }

    /**
     * The message for a login that failed: {@code cannot connect to <url> as <user>: <what failed at host:port>
     * (<the driver's words>); <how to fix it>}.
     *
     * @param target where the login went
     * @param as who logged in, for the message ({@code the sandbox role ...} or the configured account)
     */
    static String connecting(DbTarget target, String as, SQLException e) {
        String server = hostPort(target.url());
        String said = target.mask(DriverMessages.oneLine(e.getMessage()));
        String prefix = "cannot connect to " + target.maskedUrl() + (as == null ? "" : " as " + as) + ": ";
        return prefix
                + switch (kind(e)) {
                    case UNKNOWN_HOST ->
                        "the host " + host(server) + " is unknown: no name server knows it; check the host"
                                + " name in the url (url / migration.url)";
                    case REFUSED ->
                        "nothing accepts connections at " + server + " (connection refused); check the"
                                + " host and port in the url, and that the server runs and listens on TCP there";
                    case TIMEOUT ->
                        "no answer from " + server + " in time (" + said + "); check the host and port"
                                + " in the url, and that no firewall drops the connection on the way";
                    case LOGIN ->
                        "the server at " + server + " refused the login (" + said + "); " + loginFix(target, e);
                    case NO_SUCH_DATABASE ->
                        "the database " + quoted(said, database(target.url()))
                                + " named in the url does not exist at " + server + " (" + said + "); name one that"
                                + " exists ("
                                + (target.dialect() == Dialect.POSTGRESQL
                                        ? "such as postgres"
                                        : "or none:" + " jdbc:mariadb://" + server + "/")
                                + "): the round trip only connects to it and makes"
                                + " its own scratch database";
                    case DATABASE_DENIED, NO_RIGHTS ->
                        "the account may not connect to the database "
                                + quoted(said, database(target.url())) + " named in the url (" + said + "); name one it"
                                + " may connect to ("
                                + (target.dialect() == Dialect.POSTGRESQL
                                        ? "such as postgres, or GRANT CONNECT ON DATABASE to it"
                                        : "or none: jdbc:mariadb://" + server + "/")
                                + "): the round trip only connects to it and makes its own scratch database";
                    case BROKEN, OTHER ->
                        "the connection to " + server + " failed (" + said + "); check the url and" + " the account";
                };
    }

    /**
     * The message for a statement that failed on a working connection before any script ran (taking the run's lock,
     * dropping leftovers, creating the scratch database): only a refusal for want of rights says which rights the
     * account needs.
     *
     * @param doing what was being done, e.g. {@code cannot create a scratch database on jdbc:... as ci}
     * @param rights the rights the step needs, said when the server refused for want of them
     */
    static String statement(DbTarget target, String doing, String rights, SQLException e) {
        String said = target.mask(DriverMessages.oneLine(e.getMessage()));
        return switch (kind(e)) {
            case NO_RIGHTS, DATABASE_DENIED ->
                doing + ": the server refused it (" + said + "); the account needs " + rights;
            case BROKEN, TIMEOUT, REFUSED, UNKNOWN_HOST ->
                doing + ": the connection to " + hostPort(target.url())
                        + " broke (" + said + "); check that the server is up and that nothing ends idle connections,"
                        + " then run again";
            default -> doing + ": " + said;
        };
    }

    private static String loginFix(DbTarget target, SQLException e) {
        String message = e.getMessage() == null ? "" : e.getMessage().toLowerCase(Locale.ROOT);
        if (message.contains("pg_hba.conf")) {
            return "the server's pg_hba.conf has no line that lets this account log in from here to this database;"
                    + " add one (host <database> <user> <address> scram-sha-256) and reload the server";
        }
        if (message.contains("does not exist")) {
            return "the account does not exist on that server; check the user (user / migration.user, or the"
                    + " serverId's server)";
        }
        return "check the user (user / migration.user) and the password (the environment variable "
                + "MIGRATION_PASSWORD, -Dmigration.password, or the serverId's server in settings.xml)"
                + (target.password() == null || target.password().isEmpty() ? "; none was given" : "");
    }

    /** The name in quotes in the server's words, else the database of the URL, else {@code of the url}. */
    private static String quoted(String said, String fallback) {
        Matcher m = QUOTED.matcher(said);
        String name = null;
        while (m.find()) {
            name = m.group(1);
        }
        name = name != null && !name.contains("@") ? name : fallback;
        return name == null || name.isEmpty() ? "" : name;
    }

    /** {@code host:port} of a server URL, with the dialect's default port when it names none. */
    static String hostPort(String url) {
        Matcher m = SERVER.matcher(url == null ? "" : url);
        if (!m.find() || m.group(1).isEmpty()) {
            return "the server of the url";
        }
        String hosts = m.group(1);
        if (hosts.contains(",") || hosts.matches(".*:\\d+$")) {
            return hosts;
        }
        int port = Dialect.ofJdbcUrl(url) == Dialect.POSTGRESQL ? 5432 : 3306;
        return hosts + ":" + port;
    }

    private static String host(String hostPort) {
        int colon = hostPort.lastIndexOf(':');
        return colon > 0 && !hostPort.endsWith("]") ? hostPort.substring(0, colon) : hostPort;
    }

    /** The database in the path of a server URL, or null. */
    private static String database(String url) {
        Matcher m = Pattern.compile("(?i)^jdbc:[a-z0-9]+://[^/?;]*/([^/?;]*)").matcher(url == null ? "" : url);
        return m.find() && !m.group(1).isEmpty() ? m.group(1) : null;
    }
}
