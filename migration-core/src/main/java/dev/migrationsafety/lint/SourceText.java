package dev.migrationsafety.lint;

import dev.migrationsafety.migration.MigrationFile;
import dev.migrationsafety.report.Finding;
import dev.migrationsafety.sql.Dialect;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Turns a file's bytes into text the analysis can read, or into a finding saying why it cannot. */
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
        int nul = indexOf(bytes, (byte) 0);
        if (nul >= 0) {
            return problem(path, line(bytes, nul), "contains NUL bytes: it looks like a binary file, not SQL");
        }
        String text;
        try {
            text = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            int bad = firstMalformed(bytes);
            return problem(path, line(bytes, bad), "is not valid UTF-8 (byte " + bad + "); save it as UTF-8");
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        try {
            return analyzer.analyze(path, text, dialect);
        } catch (RuntimeException e) {
            return problem(path, 0, "could not be analysed (" + e + "); please report this as a bug");
        }
    }

    private static ParsedFile problem(String path, int line, String message) {
        return new ParsedFile(path, "", List.of(), List.of(Check.NOT_ANALYSABLE.at(path, line, 0, message)));
    }

    private static int indexOf(byte[] bytes, byte b) {
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == b) {
                return i;
            }
        }
        return -1;
    }

    private static int line(byte[] bytes, int offset) {
        int line = 1;
        for (int i = 0; i < offset && i < bytes.length; i++) {
            if (bytes[i] == '\n') {
                line++;
            }
        }
        return line;
    }

    private static int firstMalformed(byte[] bytes) {
        var decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        var out = java.nio.CharBuffer.allocate(bytes.length + 1);
        var result = decoder.decode(in, out, true);
        return result.isError() ? in.position() : 0;
    }
}
