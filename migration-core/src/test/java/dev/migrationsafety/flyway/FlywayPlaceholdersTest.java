package dev.migrationsafety.flyway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.migrationsafety.catalog.SnapshotReader;
import dev.migrationsafety.database.DbTarget;
import dev.migrationsafety.database.ScratchDatabase;
import dev.migrationsafety.database.ScratchSettings;
import dev.migrationsafety.database.TestDatabases;
import dev.migrationsafety.sql.Dialect;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Placeholders in down scripts: replaced as Flyway replaces them in the ups, with the values Flyway uses. */
class FlywayPlaceholdersTest {
    private static final List<String> BUILT_INS =
            List.of("defaultSchema", "user", "database", "filename", "workingDirectory", "table", "environment");

    @TempDir
    Path base;

    private final FlywayPlaceholders placeholders = new FlywayPlaceholders(Map.of("prefix", "app", "Owner", "admin"));

    private FlywayPlaceholders.Result replace(String content) throws SQLException {
        try (Connection c = ScratchDatabase.h2For(Dialect.GENERIC).connect()) {
            return placeholders.replace("U1__x.sql", content, c, Dialect.H2, null);
        }
    }

    @Test
    void theDefaultsAreFlywaysOwn() {
        FluentConfiguration flyway = Flyway.configure();
        assertEquals(flyway.getPlaceholderPrefix(), FlywayPlaceholders.PREFIX);
        assertEquals(flyway.getPlaceholderSuffix(), FlywayPlaceholders.SUFFIX);
        assertEquals(flyway.getPlaceholderSeparator(), FlywayPlaceholders.SEPARATOR);
        assertEquals(flyway.getTable(), SnapshotReader.HISTORY_TABLE);
        assertEquals(flyway.getCurrentEnvironmentName(), FlywayPlaceholders.ENVIRONMENT);
    }

    @Test
    void replacesConfiguredAndBuiltInPlaceholdersWithNamesInAnyCase() throws SQLException {
        FlywayPlaceholders.Result r = replace("-- by ${OWNER}\nDROP TABLE ${flyway:defaultschema}.${Prefix}_customer;\n"
                + "SELECT '${flyway:filename} ${flyway:table}';\n");
        assertNull(r.missing());
        assertEquals(
                "-- by admin\nDROP TABLE PUBLIC.app_customer;\nSELECT 'U1__x.sql flyway_schema_history';\n", r.text());
    }

    @Test
    void aScriptWithoutPlaceholdersIsLeftAlone() throws SQLException {
        String text = "DROP TABLE customer; -- costs $5 {literally}\n";
        assertEquals(text, replace(text).text());
    }

    @Test
    void aPlaceholderWithoutValueNamesItsLineAndTheFix() throws SQLException {
        FlywayPlaceholders.Result r = replace("DROP TABLE a;\n-- ${prefix} is set\nDROP TABLE ${tenant}_b;\n");
        assertNull(r.text());
        assertEquals(3, r.missing().line());
        assertEquals(
                "no value for placeholder ${tenant} (Flyway would stop the same way in an up); add it to the plugin"
                        + " configuration: <placeholders><tenant>value</tenant></placeholders>",
                r.missing().message());
    }

    @Test
    void anUnknownFlywayPlaceholderListsFlywaysOwn() throws SQLException {
        FlywayPlaceholders.Result r = replace("\n\nDROP SCHEMA ${flyway:schema};\n");
        assertEquals(3, r.missing().line());
        assertEquals(
                "Flyway has no placeholder ${flyway:schema}; its own are ${flyway:defaultSchema}, ${flyway:user},"
                        + " ${flyway:database}, ${flyway:timestamp}, ${flyway:filename}, ${flyway:workingDirectory},"
                        + " ${flyway:table} and ${flyway:environment}",
                r.missing().message());
    }

    /** The values Flyway replaced in an up, recorded by the up itself, equal ours on the same scratch database. */
    @ParameterizedTest
    @ValueSource(strings = {"h2", "h2-mysql", "h2-postgresql", "postgresql", "mariadb"})
    void builtInsAreTheValuesFlywayUsesInTheUps(String database) throws IOException, SQLException {
        DbTarget admin =
                switch (database) {
                    case "h2" -> ScratchDatabase.h2For(Dialect.GENERIC);
                    case "h2-mysql" -> ScratchDatabase.h2For(Dialect.MYSQL);
                    case "h2-postgresql" -> ScratchDatabase.h2For(Dialect.POSTGRESQL);
                    case "postgresql" -> TestDatabases.require(TestDatabases.POSTGRES);
                    default -> TestDatabases.require(TestDatabases.MARIADB);
                };
        Path dir = Files.createDirectories(base.resolve("migration"));
        StringBuilder select = new StringBuilder("CREATE TABLE seen AS SELECT ");
        for (String name : BUILT_INS) {
            select.append(name.equals("defaultSchema") ? "" : ", ")
                    .append("'${flyway:")
                    .append(name)
                    .append("}' AS ")
                    .append(name.equals("user") ? "usr" : name.equals("table") ? "tbl" : name);
        }
        Files.writeString(dir.resolve("V1__seen.sql"), select + ";\n");
        List<String> console = new ArrayList<>();
        try (ScratchDatabase db = ScratchDatabase.create(admin, ScratchSettings.defaults(), console::add)) {
            FluentConfiguration config = Flyway.configure()
                    .dataSource(
                            db.target().url(), db.target().user(), db.target().password())
                    .locations("filesystem:" + dir);
            if (db.schemaOnly()) {
                config.defaultSchema(db.name()).schemas(db.name()).createSchemas(false);
            }
            config.load().migrate();
            try (Connection c = db.connect();
                    Statement st = c.createStatement();
                    ResultSet rs = st.executeQuery("SELECT * FROM seen")) {
                rs.next();
                Map<String, String> flywaysOwn = new LinkedHashMap<>();
                for (int i = 0; i < BUILT_INS.size(); i++) {
                    flywaysOwn.put("flyway:" + BUILT_INS.get(i), rs.getString(i + 1));
                }
                Map<String, String> ours = new LinkedHashMap<>(FlywayPlaceholders.builtIns(
                        "V1__seen.sql", c, db.target().dialect(), db.schemaOnly() ? db.name() : null));
                ours.remove("flyway:timestamp");
                assertEquals(flywaysOwn, ours);
            }
        }
    }
}
