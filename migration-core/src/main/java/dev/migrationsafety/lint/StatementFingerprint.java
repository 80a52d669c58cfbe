package dev.migrationsafety.lint;

import dev.migrationsafety.sql.Dialect;
import dev.migrationsafety.sql.SqlFileContent;
import dev.migrationsafety.sql.SqlFiles;
import dev.migrationsafety.sql.SqlSplitter;
import dev.migrationsafety.sql.SqlStatement;
import dev.migrationsafety.sql.Token;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * What identifies the statement a finding is about, independent of where it sits in its file: the first 12 hex
 * digits of the SHA-256 of its significant tokens (comments and whitespace left out) joined by single spaces. A
 * statement moved to other lines keeps its fingerprint; a changed statement gets a new one. A finding about the
 * whole file (line 0), or on a line no statement covers, has the fingerprint {@value #WHOLE_FILE}.
 */
public final class StatementFingerprint {
    /** The fingerprint of a finding that is not about one statement. */
    public static final String WHOLE_FILE = "-";

    private final List<SqlStatement> statements;

    private StatementFingerprint(List<SqlStatement> statements) {
        this.statements = statements;
    }

    /** Reads and splits a file once; an unreadable file has only whole-file fingerprints. */
    public static StatementFingerprint of(Path file, String displayPath, Dialect dialect) {
        SqlFileContent text = SqlFiles.read(file, displayPath);
        if (!text.readable()) {
            return new StatementFingerprint(List.of());
        }
        return of(displayPath, text.content(), dialect);
    }

    /** Splits the text with the dialect's rules. */
    public static StatementFingerprint of(String displayPath, String content, Dialect dialect) {
        return new StatementFingerprint(
                new SqlSplitter(dialect).split(displayPath, content).statements());
    }

    /** The fingerprint of the statement that covers the 1-based line (the first one, when several do). */
    public String at(int line) {
        if (line <= 0) {
            return WHOLE_FILE;
        }
        for (SqlStatement s : statements) {
            if (s.line() <= line && line <= s.endLine()) {
                return of(s);
            }
        }
        return WHOLE_FILE;
    }

    /** The fingerprint of one statement. */
    static String of(SqlStatement statement) {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
        StringBuilder text = new StringBuilder(statement.text().length());
        for (Token t : statement.significantTokens()) {
            if (!text.isEmpty()) {
                text.append(' ');
            }
            text.append(t.text());
        }
        byte[] digest = sha.digest(text.toString().getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(digest, 0, 6);
    }

    /** Whether the text has the form of a fingerprint: 12 lower-case hex digits, or {@value #WHOLE_FILE}. */
    static boolean isValid(String text) {
        return WHOLE_FILE.equals(text) || text.matches("[0-9a-f]{12}");
    }
}
