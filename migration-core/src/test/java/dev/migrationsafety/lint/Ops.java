package dev.migrationsafety.lint;

import dev.migrationsafety.report.Finding;
import dev.migrationsafety.sql.AnalyzedStatement;
import dev.migrationsafety.sql.ColumnDef;
import dev.migrationsafety.sql.Operation;
import dev.migrationsafety.sql.SqlStatement;
import dev.migrationsafety.sql.TableName;
import java.util.ArrayList;
import java.util.List;

/** Builds parsed files from hand-written operations, so the checks are tested without the analysis. */
final class Ops {
    private final String path;
    private final StringBuilder content = new StringBuilder();
    private final List<AnalyzedStatement> statements = new ArrayList<>();
    private int line = 1;

    Ops(String path) {
        this.path = path;
    }

    /** A comment (or any non-statement) line. */
    Ops comment(String text) {
        content.append(text).append('\n');
        line++;
        return this;
    }

    /** A one-line statement with its operations. */
    Ops stmt(String text, Operation... ops) {
        statements.add(new AnalyzedStatement(new SqlStatement(path, line, 1, text), List.of(ops), true));
        content.append(text).append(";\n");
        line++;
        return this;
    }

    ParsedFile file() {
        return new ParsedFile(path, content.toString(), statements, List.of());
    }

    static TableName t(String name) {
        return TableName.of(name);
    }

    static ColumnDef col(String name, boolean notNull, boolean hasDefault) {
        return new ColumnDef(name, "text", notNull, hasDefault, false, false, null);
    }

    static Operation.CreateTable createTable(String name, String... columns) {
        List<ColumnDef> cols = new ArrayList<>();
        for (String c : columns) {
            cols.add(col(c, false, false));
        }
        return new Operation.CreateTable(t(name), cols, List.of(), List.of(), List.of(), false);
    }

    static List<String> ids(List<Finding> findings) {
        return findings.stream().map(Finding::ruleId).toList();
    }
}
