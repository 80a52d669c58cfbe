package dev.migrationsafety.lint;

import dev.migrationsafety.io.AtomicFiles;
import dev.migrationsafety.report.Finding;
import dev.migrationsafety.report.Severity;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * Per-file lint results, kept in one file under {@code target/migration/cache/} and keyed by the SHA-256 of what
 * the result depends on (the file's bytes, its up script's for a down script, its script configuration). The
 * cache file starts with a fingerprint of the dialect, the tool version and the engine revision: any change
 * there throws the whole cache away. A cache file that cannot be read or parsed is ignored (and rewritten by
 * {@link #save()}); the cache never fails a build.
 */
public final class FindingsCache {
    private static final String MAGIC = "migration-check-cache 1";

    private final Path file;
    private final String fingerprint;
    private final Map<String, Entry> entries = new HashMap<>();
    private final Map<String, Entry> used = new HashMap<>();
    private boolean dirty;

    private record Entry(String key, List<Finding> findings) {}

    private FindingsCache(Path file, String fingerprint) {
        this.file = file;
        this.fingerprint = fingerprint;
    }

    /** Loads the cache file, or starts empty when it is missing, stale or corrupt. */
    public static FindingsCache load(Path file, String fingerprint) {
        FindingsCache cache = new FindingsCache(file, fingerprint);
        if (file == null || !Files.isRegularFile(file)) {
            cache.dirty = file != null;
            return cache;
        }
        try {
            cache.parse(Files.readAllLines(file, StandardCharsets.UTF_8));
        } catch (IOException | RuntimeException e) {
            cache.entries.clear();
            cache.dirty = true;
        }
        return cache;
    }

    /** A cache that keeps nothing. */
    public static FindingsCache disabled() {
        return new FindingsCache(null, "");
    }

    private void parse(List<String> lines) {
        if (lines.size() < 2 || !lines.get(0).equals(MAGIC) || !lines.get(1).equals("fingerprint " + fingerprint)) {
            dirty = true;
            return;
        }
        int i = 2;
        while (i < lines.size()) {
            String[] head = lines.get(i++).split("\t", -1);
            if (head.length != 4 || !head[0].equals("file")) {
                throw new IllegalStateException("bad cache line " + i);
            }
            int n = Integer.parseInt(head[3]);
            List<Finding> findings = new ArrayList<>(n);
            for (int k = 0; k < n; k++) {
                String[] f = lines.get(i++).split("\t", -1);
                if (f.length != 7) {
                    throw new IllegalStateException("bad cache line " + i);
                }
                findings.add(new Finding(
                        unescape(f[0]),
                        Integer.parseInt(f[1]),
                        Integer.parseInt(f[2]),
                        Severity.valueOf(f[3]),
                        unescape(f[4]),
                        unescape(f[5]),
                        unescape(f[6])));
            }
            entries.put(unescape(head[1]), new Entry(head[2], List.copyOf(findings)));
        }
    }

    /** The cached findings of a file whose key is unchanged, or {@code null}. */
    public List<Finding> get(String path, String key) {
        Entry e = entries.get(path);
        if (e == null || !e.key().equals(key)) {
            return null;
        }
        used.put(path, e);
        return e.findings();
    }

    public void put(String path, String key, List<Finding> findings) {
        Entry e = new Entry(key, List.copyOf(findings));
        used.put(path, e);
        dirty = true;
    }

    /**
     * Writes the cache (atomically) when anything changed; entries of files not looked up in this run are dropped.
     * A write failure is ignored: the next run simply analyses again.
     */
    public void save() {
        if (file == null || (!dirty && used.size() == entries.size())) {
            return;
        }
        StringBuilder out = new StringBuilder(MAGIC).append('\n');
        out.append("fingerprint ").append(fingerprint).append('\n');
        used.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(me -> {
            Entry e = me.getValue();
            out.append("file\t")
                    .append(escape(me.getKey()))
                    .append('\t')
                    .append(e.key())
                    .append('\t')
                    .append(e.findings().size())
                    .append('\n');
            for (Finding f : e.findings()) {
                out.append(escape(f.path()))
                        .append('\t')
                        .append(f.line())
                        .append('\t')
                        .append(f.column())
                        .append('\t')
                        .append(f.severity().name())
                        .append('\t')
                        .append(escape(f.ruleId()))
                        .append('\t')
                        .append(escape(f.message()))
                        .append('\t')
                        .append(escape(f.fix()))
                        .append('\n');
            }
        });
        try {
            AtomicFiles.write(file, out.toString());
        } catch (IOException | RuntimeException e) {
            // a cache that cannot be written costs time, never correctness
        }
    }

    /** The SHA-256 of the parts, each length-prefixed so that no two part lists collide. */
    public static String key(byte[]... parts) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            for (byte[] p : parts) {
                byte[] data = p == null ? new byte[0] : p;
                md.update((data.length + (p == null ? "n" : ":")).getBytes(StandardCharsets.US_ASCII));
                md.update(data);
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    private static String escape(String s) {
        return s.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r");
    }

    private static String unescape(String s) {
        if (s.indexOf('\\') < 0) {
            return s;
        }
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length()) {
                char n = s.charAt(++i);
                b.append(
                        switch (n) {
                            case 't' -> '\t';
                            case 'n' -> '\n';
                            case 'r' -> '\r';
                            default -> n;
                        });
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }
}
