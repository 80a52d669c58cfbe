package dev.migrationsafety.release.preflight;

import dev.migrationsafety.sql.AnalyzedStatement;
import dev.migrationsafety.sql.FileAnalysis;
import dev.migrationsafety.sql.Operation;
import dev.migrationsafety.sql.OperationTables;
import dev.migrationsafety.sql.TableName;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The tables the pending migrations read or change, from their analysis (routine bodies included). */
public final class TouchedTables {
    private TouchedTables() {}

    /** Every table named by an operation of the files, in the order first met. */
    public static Set<TableName> of(List<FileAnalysis> pending) {
        Set<TableName> out = new LinkedHashSet<>();
        for (FileAnalysis f : pending) {
            for (AnalyzedStatement a : f.statements()) {
                for (Operation op : a.operations()) {
                    out.addAll(OperationTables.of(op));
                }
            }
        }
        return out;
    }
}
