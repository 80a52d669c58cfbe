package dev.migrationsafety.schema;

import dev.migrationsafety.report.Finding;
import java.util.List;

/**
 * What a {@link SchemaReplay} produced.
 *
 * @param schema the schema after the last replayed migration
 * @param migrations the replayed migrations, in version order
 * @param dependencies which migration depends on which, by migration order then dependency order
 * @param findings problems found on the way, in the order met
 */
public record ReplayResult(
        Schema schema, List<MigrationRef> migrations, List<MigrationDependency> dependencies, List<Finding> findings) {
    public ReplayResult {
        migrations = List.copyOf(migrations);
        dependencies = List.copyOf(dependencies);
        findings = List.copyOf(findings);
    }
}
