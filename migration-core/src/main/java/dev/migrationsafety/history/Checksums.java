package dev.migrationsafety.history;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.zip.CRC32;

/**
 * The two checksums of a migration's content. Both ignore line endings ({@code \n}, {@code \r\n}, {@code \r}) and a
 * byte-order mark, so a file checked out with different line endings keeps its checksums.
 *
 * <ul>
 *   <li>{@code sha256}: SHA-256 over the lines, each followed by {@code \n}; blank lines count.
 *   <li>{@code crc32}: the value Flyway stores in {@code flyway_schema_history.checksum}: a CRC32 over the UTF-8
 *       bytes of the lines without their line endings, a BOM at the start of the file dropped, as a signed int.
 * </ul>
 *
 * <p>Works on bytes: in UTF-8, {@code \r} and {@code \n} never occur inside a multi-byte character, so splitting the
 * bytes gives the same lines as Flyway's reader for every valid UTF-8 file.
 */
public final class Checksums {
    private static final HexFormat HEX = HexFormat.of();
    private static final ThreadLocal<MessageDigest> DIGEST = ThreadLocal.withInitial(Checksums::newSha256);

    private Checksums() {}

    /**
     * The checksums of a file's content.
     *
     * @param sha256 lower-case hex
     * @param crc32 Flyway's checksum
     */
    public record Value(String sha256, int crc32) {}

    public static Value of(Path file) throws IOException {
        return of(Files.readAllBytes(file));
    }

    public static Value of(byte[] content) {
        MessageDigest sha = DIGEST.get();
        sha.reset();
        CRC32 crc = new CRC32();
        int n = content.length;
        int start = 0;
        while (start < n) {
            int end = start;
            while (end < n && content[end] != '\n' && content[end] != '\r') {
                end++;
            }
            int from = start;
            // Flyway drops a BOM (U+FEFF, bytes EF BB BF) at the start of the first line only
            if (start == 0
                    && end - from >= 3
                    && content[from] == (byte) 0xEF
                    && content[from + 1] == (byte) 0xBB
                    && content[from + 2] == (byte) 0xBF) {
                from += 3;
            }
            crc.update(content, from, end - from);
            sha.update(content, from, end - from);
            sha.update((byte) '\n');
            if (end < n && content[end] == '\r' && end + 1 < n && content[end + 1] == '\n') {
                end++;
            }
            start = end + 1;
        }
        return new Value(HEX.formatHex(sha.digest()), (int) crc.getValue());
    }

    /** SHA-256 of text as UTF-8, in lower-case hex. */
    public static String sha256(String text) {
        return HEX.formatHex(newSha256().digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    static MessageDigest newSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
