package dev.migrationsafety.lint;

import dev.migrationsafety.migration.MigrationFile;
import dev.migrationsafety.report.Finding;
import dev.migrationsafety.sql.Dialect;
import dev.migrationsafety.sql.SqlFileContent;
import dev.migrationsafety.sql.SqlFiles;
import dev.migrationsafety.sql.SqlProblem;
import java.util.ArrayList;
import java.util.List;

/** Turns a file's bytes into text the analysis can read (with the lexer's decoding), or into findings saying why it cannot. */
final class SourceText {
    /** Larger files are not analysed (a finding says so): no migration a person reviews is this big. */
    static final long MAX_BYTES = 16L * 1024 * 1024;

    private SourceText() {}

    static Finding tooLarge(MigrationFile file, long size) {
        return Check.NOT_ANALYSABLE.at(
                file.displayPath(),
                0,
                0,
                "is " + (size / (1024 * 1024)) + " MB; files over " + (MAX_BYTES / (1024 * 1024))
                        + " MB are not analysed - split it into smaller migrations");
    }

    static ParsedFile analyse(String path, byte[] bytes, FileAnalyzer analyzer, Dialect dialect) {
        SqlFileContent text = SqlFiles.decode(bytes, path);
        if (!text.readable()) {
            List<Finding> problems = new ArrayList<>();
            for (SqlProblem p : text.problems()) {
                problems.add(problem(path, p));
            }
            return new ParsedFile(path, "", List.of(), problems);
        }
        try {
            return analyzer.analyze(path, text.content(), dialect);
        } catch (RuntimeException e) {
            return new ParsedFile(
                    path,
                    "",
                    List.of(),
                    List.of(Check.NOT_ANALYSABLE.at(
                            path, 0, 0, "could not be analysed (" + e + "); please report this as a bug")));
        }
    }

    /** A lexer or reader problem as a {@code not-analysable} finding at the line where it starts. */
    static Finding problem(String path, SqlProblem p) {
        return new Finding(
                path,
                p.line(),
                p.column(),
                Check.NOT_ANALYSABLE.severity(),
                Check.NOT_ANALYSABLE.id(),
                "cannot be analysed: " + p.message(),
                p.fix().isEmpty() ? Check.NOT_ANALYSABLE.fix() : p.fix());
    }
}
