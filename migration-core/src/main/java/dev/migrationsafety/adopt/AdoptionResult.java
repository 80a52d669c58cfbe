package dev.migrationsafety.adopt;

import dev.migrationsafety.migration.MigrationVersion;
import dev.migrationsafety.report.Finding;
import dev.migrationsafety.report.Severity;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What {@code migration:adopt} did, and the lines that tell the user: what was recorded, what to commit and the
 * enforcer configuration to add.
 *
 * @param migrations versioned and baseline migrations found
 * @param downs down scripts found
 * @param repeatables repeatable migrations found
 * @param lockEntries entries the lock file has now
 * @param baseline the newest version: the round trip tests only the migrations after it
 * @param findings every finding of the check catalogue on the existing migrations, all accepted
 * @param graphFindings how many findings of {@code migration:graph} were accepted too
 * @param acceptedLines lines in the accepted-findings file (findings of one check on one statement share a line)
 * @param lockDisplay the lock file, relative to the project
 * @param acceptedDisplay the accepted-findings file, relative to the project
 * @param forced whether a lock file existed (adoption forced)
 * @param strays files in the locations Flyway cannot read as migrations (links, unreadable or misnamed files), with
 *     why; neither locked nor accepted: the migrationNaming rule reports them
 * @param acceptedStrays files in the locations that are no migrations at all (a README), with why; not locked, their
 *     migrationNaming finding accepted
 */
public record AdoptionResult(
        int migrations,
        int downs,
        int repeatables,
        int lockEntries,
        MigrationVersion baseline,
        List<Finding> findings,
        int graphFindings,
        int acceptedLines,
        String lockDisplay,
        String acceptedDisplay,
        boolean forced,
        List<String> strays,
        List<String> acceptedStrays) {

    public AdoptionResult {
        findings = List.copyOf(findings);
        strays = List.copyOf(strays);
        acceptedStrays = List.copyOf(acceptedStrays);
    }

    /** The lines to print, in order. */
    public List<String> report(String pluginVersion) {
        List<String> lines = new ArrayList<>();
        lines.add("Locked " + plural(migrations, "migration")
                + (downs > 0 ? ", " + plural(downs, "down script") : "")
                + (repeatables > 0 ? " and " + plural(repeatables, "repeatable migration") : "")
                + " as released in " + lockDisplay + " (" + lockEntries + " entries): the legacyMigrationFreeze rule"
                + " keeps them as they are");
        lines.add("Baseline " + baseline.text() + ": migration:roundtrip applies the migrations up to it without"
                + " reversing them and tests every migration after it; new migrations need a down script");
        if (findings.isEmpty()) {
            lines.add("Accepted no findings: migration:check finds nothing in the existing migrations; the baseline"
                    + " is recorded in " + acceptedDisplay);
        } else {
            lines.add("Accepted " + findings.size() + " " + (findings.size() == 1 ? "finding" : "findings") + " ("
                    + bySeverity() + ") in " + files() + " existing "
                    + (files() == 1 ? "migration" : "migrations") + ", listed in " + acceptedDisplay
                    + ": migration:check and the noDestructiveMigrations rule do not report them again; findings in"
                    + " new migrations are reported as before");
        }
        if (graphFindings > 0) {
            lines.add("Accepted " + plural(graphFindings, "finding") + " of migration:graph in the existing"
                    + " migrations, listed in " + acceptedDisplay + " too: migration:graph does not report them again");
        }
        lines.add("Commit " + lockDisplay + " and " + acceptedDisplay);
        lines.add("Then add the enforcer rules to the pom.xml (in <build><plugins>), so that every build checks new"
                + " migrations at validate:");
        snippet(pluginVersion).forEach(l -> lines.add("  " + l));
        return lines;
    }

    private static String plural(int n, String what) {
        return n + " " + what + (n == 1 ? "" : "s");
    }

    private int files() {
        Set<String> paths = new LinkedHashSet<>();
        findings.forEach(f -> paths.add(f.path()));
        return paths.size();
    }

    private String bySeverity() {
        Map<Severity, Integer> counts = new EnumMap<>(Severity.class);
        findings.forEach(f -> counts.merge(f.severity(), 1, Integer::sum));
        List<String> parts = new ArrayList<>();
        for (Severity s : Severity.values()) {
            if (counts.containsKey(s)) {
                parts.add(counts.get(s) + " " + s.id());
            }
        }
        return String.join(", ", parts);
    }

    /** The maven-enforcer-plugin configuration with the four rules. */
    static List<String> snippet(String pluginVersion) {
        return List.of(
                "<plugin>",
                "  <groupId>org.apache.maven.plugins</groupId>",
                "  <artifactId>maven-enforcer-plugin</artifactId>",
                "  <version>3.7.0</version>",
                "  <dependencies>",
                "    <dependency>",
                "      <groupId>dev.migrationsafety</groupId>",
                "      <artifactId>migration-enforcer-rules</artifactId>",
                "      <version>" + pluginVersion + "</version>",
                "    </dependency>",
                "  </dependencies>",
                "  <executions>",
                "    <execution>",
                "      <id>migrations</id>",
                "      <goals>",
                "        <goal>enforce</goal>",
                "      </goals>",
                "      <configuration>",
                "        <rules>",
                "          <migrationNaming/>",
                "          <linearMigrationHistory/>",
                "          <legacyMigrationFreeze/>",
                "          <noDestructiveMigrations/>",
                "        </rules>",
                "      </configuration>",
                "    </execution>",
                "  </executions>",
                "</plugin>");
    }
}
