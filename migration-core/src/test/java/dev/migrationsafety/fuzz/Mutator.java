package dev.migrationsafety.fuzz;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Mutations of a migration's bytes, the ways a file gets damaged by accident or on purpose: byte flips,
 * truncation, splices of two files, inserted quotes, dollar quotes, comment openers, delimiters and keywords,
 * invalid UTF-8, and deep nesting. Each mutation appends what it did to {@code log}, so a failing input explains
 * itself.
 */
final class Mutator {
    private static final String[] QUOTES = {"'", "\"", "`", "E'", "$$", "$body$", "$x$", "${", "[", "\\'", "''"};
    private static final String[] COMMENTS = {"/*", "*/", "--", "#", "/*!40101 ", "/* /* ", "//", "-- migration:"};
    private static final String[] TOKENS = {
        ";",
        "(",
        ")",
        "END",
        "END;",
        "BEGIN",
        "BEGIN ATOMIC",
        "CASE",
        "DO $$",
        "DELIMITER //\n",
        "DELIMITER ;\n",
        "\n\\.\n",
        "\\set x 1\n",
        "COPY t FROM stdin;\n",
        "CREATE PROCEDURE p() BEGIN ",
        "\n\n\n",
        "\r",
        "\u0000",
        "DROP",
        "TABLE",
        "DELETE FROM",
        "WHERE",
        ",",
        "CASCADE",
        "IF EXISTS",
        "$",
        "\\",
        "\u00a0",
        "\ufeff"
    };
    private static final byte[][] BAD_UTF8 = {
        {(byte) 0xff},
        {(byte) 0xc3, 0x28},
        {(byte) 0x80},
        {(byte) 0xe2, (byte) 0x82},
        {(byte) 0xed, (byte) 0xa0, (byte) 0x80},
        {(byte) 0xf8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80},
        {0x00, 0x01, 0x02}
    };

    private final SplittableRandom random;

    Mutator(SplittableRandom random) {
        this.random = random;
    }

    /** One to three mutations of {@code seed}; {@code other} is a second file for splices. */
    byte[] mutate(byte[] seed, byte[] other, List<String> log) {
        byte[] out = seed;
        int rounds = 1 + random.nextInt(3);
        for (int i = 0; i < rounds; i++) {
            out = once(out, other, log);
        }
        return out;
    }

    private byte[] once(byte[] in, byte[] other, List<String> log) {
        int kind = random.nextInt(12);
        int at = in.length == 0 ? 0 : random.nextInt(in.length + 1);
        switch (kind) {
            case 0 -> {
                if (in.length == 0) {
                    return in;
                }
                int p = random.nextInt(in.length);
                byte[] out = in.clone();
                out[p] ^= (byte) (1 << random.nextInt(8));
                log.add("flip a bit of byte " + p);
                return out;
            }
            case 1 -> {
                log.add("truncate at " + at);
                return java.util.Arrays.copyOf(in, at);
            }
            case 2 -> {
                int from = other.length == 0 ? 0 : random.nextInt(other.length + 1);
                log.add("splice: first " + at + " bytes, then the other file from byte " + from);
                return concat(slice(in, 0, at), slice(other, from, other.length));
            }
            case 3 -> {
                return insert(in, at, pick(QUOTES), "quote", log);
            }
            case 4 -> {
                return insert(in, at, pick(COMMENTS), "comment opener", log);
            }
            case 5 -> {
                return insert(in, at, pick(TOKENS), "token", log);
            }
            case 6 -> {
                byte[] bad = BAD_UTF8[random.nextInt(BAD_UTF8.length)];
                log.add("insert " + bad.length + " invalid UTF-8 bytes at " + at);
                return concat(concat(slice(in, 0, at), bad), slice(in, at, in.length));
            }
            case 7 -> {
                return insert(in, at, nesting(), "nesting", log);
            }
            case 8 -> {
                int end = Math.min(in.length, at + 1 + random.nextInt(40));
                log.add("delete bytes " + at + ".." + end);
                return concat(slice(in, 0, at), slice(in, end, in.length));
            }
            case 9 -> {
                int end = Math.min(in.length, at + 1 + random.nextInt(80));
                log.add("duplicate bytes " + at + ".." + end);
                return concat(concat(slice(in, 0, end), slice(in, at, end)), slice(in, end, in.length));
            }
            case 10 -> {
                // a line of the other file, whole: statements from another migration in the middle of this one
                String text = new String(other, StandardCharsets.UTF_8);
                String[] lines = text.split("\n", -1);
                String line = lines[random.nextInt(lines.length)] + "\n";
                return insert(in, at, line, "line of the other file", log);
            }
            default -> {
                if (in.length == 0) {
                    return in;
                }
                int p = random.nextInt(in.length);
                byte[] out = in.clone();
                out[p] = (byte) " ;()'\"$`-*/#\\\n".charAt(random.nextInt(14));
                log.add("replace byte " + p + " by '" + (char) out[p] + "'");
                return out;
            }
        }
    }

    /** Deep nesting of one kind: parentheses (closed or not), BEGIN, CASE, nested comments, quotes in quotes. */
    private String nesting() {
        int depth = 1 + random.nextInt(random.nextInt(10) == 0 ? 10_000 : 300);
        return switch (random.nextInt(6)) {
            case 0 -> "(".repeat(depth);
            case 1 -> "(".repeat(depth) + "1" + ")".repeat(depth);
            case 2 -> "BEGIN ".repeat(depth) + "SELECT 1; " + "END; ".repeat(random.nextInt(depth + 1));
            case 3 -> "CASE WHEN x THEN ".repeat(depth) + "1" + " END".repeat(depth);
            case 4 -> "/* ".repeat(depth) + " */".repeat(random.nextInt(depth + 1));
            default -> "$$ DO $x$ ".repeat(depth);
        };
    }

    private byte[] insert(byte[] in, int at, String text, String what, List<String> log) {
        String shown = text.length() > 40 ? text.substring(0, 40) + "... (" + text.length() + " chars)" : text;
        log.add("insert " + what + " '" + shown.replace("\n", "\\n") + "' at " + at);
        return concat(concat(slice(in, 0, at), text.getBytes(StandardCharsets.UTF_8)), slice(in, at, in.length));
    }

    private String pick(String[] options) {
        return options[random.nextInt(options.length)];
    }

    private static byte[] slice(byte[] b, int from, int to) {
        return java.util.Arrays.copyOfRange(b, from, to);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(a.length + b.length);
        out.writeBytes(a);
        out.writeBytes(b);
        return out.toByteArray();
    }
}
