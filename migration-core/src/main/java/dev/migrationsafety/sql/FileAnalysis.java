package dev.migrationsafety.sql;

import java.util.List;

/**
 * One SQL file analysed: its statements with their operations, and what the splitter found (problems such as an
 * unterminated quote, psql commands, every comment for suppression markers).
 *
 * @param split the file as the splitter cut it
 * @param statements each statement of {@code split} with its operations, in file order
 */
public record FileAnalysis(SplitResult split, List<AnalyzedStatement> statements) {
    public FileAnalysis {
        statements = List.copyOf(statements);
    }

    public String path() {
        return split.path();
    }

    public Dialect dialect() {
        return split.dialect();
    }

    /** What stopped the file from being read reliably; each is reported at the line where it opens. */
    public List<SqlProblem> problems() {
        return split.problems();
    }
}
