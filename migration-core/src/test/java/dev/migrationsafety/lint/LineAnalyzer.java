package dev.migrationsafety.lint;

import dev.migrationsafety.sql.AnalyzedStatement;
import dev.migrationsafety.sql.Dialect;
import dev.migrationsafety.sql.Operation;
import dev.migrationsafety.sql.SqlStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A deliberately tiny analyzer for testing the checker's orchestration (files, cache, locks) apart from the real
 * analysis: one statement per line, and it understands only {@code DROP TABLE t}, {@code ALTER TABLE t DROP
 * COLUMN c}, {@code ALTER TABLE t ADD COLUMN c} and {@code CREATE TABLE t}. It counts its calls.
 */
final class LineAnalyzer implements FileAnalyzer {
    final AtomicInteger calls = new AtomicInteger();

    @Override
    public ParsedFile analyze(String path, String content, Dialect dialect) {
        calls.incrementAndGet();
        List<AnalyzedStatement> out = new ArrayList<>();
        String[] lines = content.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String l = lines[i].strip().replaceAll(";$", "");
            if (l.isEmpty() || l.startsWith("--")) {
                continue;
            }
            String[] w = l.split("\\s+");
            Operation op;
            if (l.startsWith("DROP TABLE")) {
                op = new Operation.DropTable(Ops.t(w[2]), false, false);
            } else if (l.startsWith("CREATE TABLE")) {
                op = Ops.createTable(w[2]);
            } else if (l.contains("DROP COLUMN")) {
                op = new Operation.DropColumn(Ops.t(w[2]), w[5], false);
            } else if (l.contains("ADD COLUMN")) {
                op = new Operation.AddColumn(Ops.t(w[2]), Ops.col(w[5], false, false));
            } else {
                op = new Operation.NotAnalysable("unknown to the test analyzer");
            }
            out.add(new AnalyzedStatement(new SqlStatement(path, i + 1, 1, l), List.of(op), true));
        }
        return new ParsedFile(path, content, out, List.of());
    }
}
