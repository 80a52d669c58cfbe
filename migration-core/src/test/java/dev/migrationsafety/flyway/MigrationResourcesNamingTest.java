package dev.migrationsafety.flyway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.migrationsafety.migration.FlywayNaming;
import dev.migrationsafety.migration.MigrationLayout;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.flywaydb.core.api.resource.LoadableResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What Flyway is handed in a project named {@code M<version>-<description>.pgsql}. */
class MigrationResourcesNamingTest {
    @TempDir
    Path base;

    @Test
    void versionedRepeatableAndCallbacksAreToldApartByTheProjectsNaming() throws IOException {
        MigrationLayout layout =
                MigrationLayout.defaults(base).withNaming(new FlywayNaming("M", "-", List.of(".pgsql"), "R"));
        Path dir = layout.primaryMigrationDir();
        Files.createDirectories(dir);
        for (String name : List.of("M1-a.pgsql", "M2-b.pgsql", "R-views.pgsql", "afterMigrate.pgsql")) {
            Files.writeString(dir.resolve(name), "SELECT 1;");
        }
        MigrationResources all = MigrationResources.of(layout);
        assertEquals(List.of("M1-a.pgsql", "M2-b.pgsql"), names(all, "M"));
        // repeatables are never handed over
        assertEquals(List.of(), names(all, "R"));
        assertTrue(all.hasCallbacks());

        MigrationResources one = all.restrictedView();
        one.select("M2-b.pgsql");
        assertEquals(List.of("M2-b.pgsql"), names(one, "M"));
        assertEquals(List.of("afterMigrate.pgsql"), names(one, "afterMigrate"));
    }

    private static List<String> names(MigrationResources resources, String prefix) {
        return resources.getResources(prefix, new String[] {".pgsql"}).stream()
                .map(LoadableResource::getFilename)
                .sorted()
                .toList();
    }
}
