package dev.migrationsafety.sql;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads migration files as Flyway does (UTF-8, byte-order mark stripped), but refuses what Flyway would silently
 * mangle: bytes that are not UTF-8 and binary files. One streaming pass with a fixed buffer; the only memory that
 * grows with the file is its text.
 */
public final class SqlFiles {
    private static final int BUFFER = 64 * 1024;
    /** Larger files are refused: no migration is this big, and a Java string could not hold much more. */
    static final long MAX_BYTES = 1L << 30;

    private SqlFiles() {}

    /** Reads {@code file}; problems are reported against {@code displayPath}. Never throws. */
    public static SqlFileContent read(Path file, String displayPath) {
        long size = sizeHint(file);
        if (size > MAX_BYTES) {
            return unreadable(
                    displayPath,
                    "the file is " + (size >> 20) + " MB, more than the 1024 MB a migration can be analysed with",
                    "split it into several migrations, or load bulk data outside migrations");
        }
        try (InputStream in = Files.newInputStream(file)) {
            return decode(in, displayPath, size);
        } catch (NoSuchFileException e) {
            return unreadable(displayPath, "the file does not exist", "check the migration locations");
        } catch (IOException e) {
            return unreadable(
                    displayPath,
                    "the file cannot be read: " + e.getMessage(),
                    "check that it is a readable regular file");
        }
    }

    /** Decodes bytes as a SQL file; problems are reported against {@code displayPath}. */
    public static SqlFileContent decode(byte[] bytes, String displayPath) {
        try {
            return decode(new java.io.ByteArrayInputStream(bytes), displayPath, bytes.length);
        } catch (IOException e) {
            throw new IllegalStateException(e); // cannot happen with a byte array
        }
    }

    private static long sizeHint(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return BUFFER;
        }
    }

    private static SqlFileContent decode(InputStream in, String path, long sizeHint) throws IOException {
        CharsetDecoder decoder = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        StringBuilder text = new StringBuilder((int) Math.min(Integer.MAX_VALUE - 16, Math.max(16, sizeHint)));
        byte[] raw = new byte[BUFFER];
        ByteBuffer bytes = ByteBuffer.allocate(BUFFER + 8);
        CharBuffer chars = CharBuffer.allocate(BUFFER + 8);
        boolean eof = false;
        while (!eof) {
            int n = in.read(raw, 0, Math.min(raw.length, bytes.remaining()));
            if (n < 0) {
                eof = true;
            } else {
                int nul = indexOfNul(raw, n);
                if (nul >= 0) {
                    // decode what precedes the NUL to know its line
                    bytes.put(raw, 0, nul);
                    bytes.flip();
                    decoder.decode(bytes, chars, false);
                    drain(chars, text);
                    return binary(path, positionAfter(text));
                }
                bytes.put(raw, 0, n);
            }
            bytes.flip();
            CoderResult result = decoder.decode(bytes, chars, eof);
            drain(chars, text);
            if (result.isError()) {
                return notUtf8(path, positionAfter(text));
            }
            if (eof) {
                result = decoder.flush(chars);
                drain(chars, text);
                if (result.isError()) {
                    return notUtf8(path, positionAfter(text));
                }
            }
            bytes.compact();
        }
        int from = text.length() > 0 && text.charAt(0) == '\uFEFF' ? 1 : 0;
        return new SqlFileContent(path, text.substring(from), List.of());
    }

    private static int indexOfNul(byte[] raw, int n) {
        for (int i = 0; i < n; i++) {
            if (raw[i] == 0) {
                return i;
            }
        }
        return -1;
    }

    private static void drain(CharBuffer chars, StringBuilder text) {
        chars.flip();
        text.append(chars.array(), chars.arrayOffset() + chars.position(), chars.remaining());
        chars.clear();
    }

    /** The line and column of the character that would follow {@code text}. */
    private static int[] positionAfter(CharSequence text) {
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || (c == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n'))) {
                line++;
                lineStart = i + 1;
            }
        }
        return new int[] {line, text.length() - lineStart + 1};
    }

    private static SqlFileContent binary(String path, int[] at) {
        return new SqlFileContent(
                path,
                null,
                List.of(new SqlProblem(
                        path,
                        at[0],
                        at[1],
                        SqlProblem.Kind.BINARY,
                        "binary file: it contains a NUL byte, so it is not SQL text",
                        "remove it from the migration locations, or save it as UTF-8 text")));
    }

    private static SqlFileContent notUtf8(String path, int[] at) {
        return new SqlFileContent(
                path,
                null,
                List.of(new SqlProblem(
                        path,
                        at[0],
                        at[1],
                        SqlProblem.Kind.NOT_UTF8,
                        "the file is not valid UTF-8 (first bad byte on this line), and Flyway reads migrations"
                                + " as UTF-8",
                        "re-save the file as UTF-8 (e.g. iconv -f latin1 -t utf-8)")));
    }

    private static SqlFileContent unreadable(String path, String message, String fix) {
        return new SqlFileContent(
                path, null, List.of(new SqlProblem(path, 0, 0, SqlProblem.Kind.UNREADABLE, message, fix)));
    }
}
