package dev.migrationsafety.flyway;

import dev.migrationsafety.catalog.SnapshotReader;
import dev.migrationsafety.sql.Dialect;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.text.SimpleDateFormat;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.internal.parser.PlaceholderReplacingReader;

/**
 * Replaces placeholders in a script as Flyway replaces them in the ups (a down script of the round trip, a pending
 * migration of the release plan): {@code ${name}} with the configured
 * placeholders and Flyway's own {@code ${flyway:defaultSchema}}, {@code ${flyway:user}}, {@code ${flyway:database}},
 * {@code ${flyway:timestamp}}, {@code ${flyway:filename}}, {@code ${flyway:workingDirectory}},
 * {@code ${flyway:table}} and {@code ${flyway:environment}}, names case-insensitive, everywhere in the text (comments
 * and string literals too, as Flyway does). The replacing itself is Flyway's own reader, so the rules cannot drift.
 * A placeholder without a value is an error naming its line, as it is for Flyway in an up.
 */
public final class FlywayPlaceholders {
    /** Flyway's defaults; the plugin does not let them be changed (a test pins them to Flyway's). */
    public static final String PREFIX = "${";

    public static final String SUFFIX = "}";
    public static final String SEPARATOR = ":";
    /** Flyway's environment name when none is configured. */
    public static final String ENVIRONMENT = "default";

    private static final Pattern PLACEHOLDER =
            Pattern.compile(Pattern.quote(PREFIX) + "(.*?)" + Pattern.quote(SUFFIX), Pattern.DOTALL);

    private final Map<String, String> configured;
    private final String table;

    /** @param configured the placeholders of the plugin configuration, as Flyway gets them for the ups */
    public FlywayPlaceholders(Map<String, String> configured) {
        this(configured, SnapshotReader.HISTORY_TABLE);
    }

    /**
     * @param configured the placeholders of the configuration
     * @param table Flyway's history table, the value of {@code ${flyway:table}}
     */
    public FlywayPlaceholders(Map<String, String> configured, String table) {
        this.configured = Map.copyOf(configured);
        this.table = table == null || table.isBlank() ? SnapshotReader.HISTORY_TABLE : table;
    }

    /** A placeholder without a value, at a line of the script. */
    public record Missing(int line, String placeholder, String message) {}

    /** The script with its placeholders replaced, or the first placeholder without a value. */
    public record Result(String text, Missing missing) {}

    /**
     * @param connection the connection the down runs on, for the user, database and default schema as Flyway reads
     *     them
     * @param defaultSchema the schema Flyway is configured with (a scratch schema), null for the connection's own
     */
    public Result replace(String fileName, String content, Connection connection, Dialect dialect, String defaultSchema)
            throws SQLException {
        if (!content.contains(PREFIX)) {
            return new Result(content, null);
        }
        Map<String, String> values = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        values.putAll(builtIns(fileName, connection, dialect, defaultSchema, table));
        values.putAll(configured);
        Matcher m = PLACEHOLDER.matcher(content);
        while (m.find()) {
            String name = m.group(1);
            if (!values.containsKey(name)) {
                int line = lineOf(content, m.start());
                return new Result(null, new Missing(line, m.group(), missingMessage(m.group(), name)));
            }
        }
        StringBuilder out = new StringBuilder(content.length());
        try (PlaceholderReplacingReader reader = new PlaceholderReplacingReader(
                PREFIX, SUFFIX, SEPARATOR, new LinkedHashMap<>(values), new StringReader(content))) {
            char[] buffer = new char[8192];
            for (int n = reader.read(buffer); n >= 0; n = reader.read(buffer)) {
                out.append(buffer, 0, n);
            }
        } catch (FlywayException e) {
            // a case the scan above does not see the way Flyway does: Flyway's own words, without a line
            return new Result(null, new Missing(0, "", e.getMessage()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Result(out.toString(), null);
    }

    private static String missingMessage(String placeholder, String name) {
        String flyway = "flyway" + SEPARATOR;
        if (name.regionMatches(true, 0, flyway, 0, flyway.length())) {
            return "Flyway has no placeholder " + placeholder + "; its own are ${flyway:defaultSchema},"
                    + " ${flyway:user}, ${flyway:database}, ${flyway:timestamp}, ${flyway:filename},"
                    + " ${flyway:workingDirectory}, ${flyway:table} and ${flyway:environment}";
        }
        return "no value for placeholder " + placeholder + " (Flyway would stop the same way in an up); add it to"
                + " the plugin configuration: <placeholders><" + name + ">value</" + name + "></placeholders>";
    }

    /** Flyway's built-in placeholders, read as Flyway reads them for a migration on this connection. */
    static Map<String, String> builtIns(String fileName, Connection c, Dialect dialect, String defaultSchema)
            throws SQLException {
        return builtIns(fileName, c, dialect, defaultSchema, SnapshotReader.HISTORY_TABLE);
    }

    static Map<String, String> builtIns(
            String fileName, Connection c, Dialect dialect, String defaultSchema, String table) throws SQLException {
        String query =
                switch (dialect) {
                    case POSTGRESQL -> "SELECT current_schema(), current_user";
                    case MYSQL -> "SELECT DATABASE(), SUBSTRING_INDEX(USER(), '@', 1)";
                    default -> "SELECT SCHEMA(), USER()";
                };
        String schema;
        String user;
        try (Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(query)) {
            rs.next();
            schema = rs.getString(1);
            user = rs.getString(2);
        }
        Map<String, String> values = new LinkedHashMap<>();
        values.put(name("defaultSchema"), orEmpty(defaultSchema != null ? defaultSchema : schema));
        values.put(name("user"), orEmpty(user));
        values.put(name("database"), orEmpty(c.getCatalog()));
        values.put(name("timestamp"), new SimpleDateFormat("yyyy-MM-dd HH:mm:ss", Locale.ROOT).format(new Date()));
        values.put(name("filename"), fileName);
        values.put(name("workingDirectory"), System.getProperty("user.dir"));
        values.put(name("table"), table);
        values.put(name("environment"), ENVIRONMENT);
        return values;
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }

    private static String name(String builtIn) {
        return "flyway" + SEPARATOR + builtIn;
    }

    private static int lineOf(String text, int index) {
        int line = 1;
        for (int i = 0; i < index; i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }
}
