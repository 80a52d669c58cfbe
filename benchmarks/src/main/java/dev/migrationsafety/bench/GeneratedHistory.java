package dev.migrationsafety.bench;

import dev.migrationsafety.migration.NamingPolicy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

/** Writes generated migration histories for the history benchmarks: migration i is an hourly timestamp. */
final class GeneratedHistory {
    private static final Instant START = Instant.parse("2020-01-01T00:00:00Z");

    private GeneratedHistory() {}

    /** The version of migration number {@code i}: {@code i} hours after 2020-01-01, in the default naming. */
    static String version(int i) {
        return NamingPolicy.DEFAULT.versionText(START.plusSeconds(3_600L * i));
    }

    /**
     * Writes {@code V<version>__create_table_<i>.sql} with the given up SQL and its down script dropping the table.
     *
     * @return the version written
     */
    static String writePair(Path up, Path down, int i, String upSql) throws IOException {
        String version = version(i);
        String table = table(i);
        Files.writeString(up.resolve("V" + version + "__create_" + table + ".sql"), upSql);
        Files.writeString(down.resolve("U" + version + "__create_" + table + ".sql"), "DROP TABLE " + table + ";\n");
        return version;
    }

    static String table(int i) {
        return "table_" + i;
    }
}
