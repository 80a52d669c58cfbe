package dev.migrationsafety.lint;

import java.util.ArrayList;
import java.util.List;

/**
 * One allow-list entry as the POM writes it, for the {@code migration:check} goal and the
 * {@code noDestructiveMigrations} rule alike: {@code <allow><file>glob</file><check>id</check><reason>why</reason>
 * </allow>}. Maven sets the fields from the XML.
 */
public class Allow {
    /** Glob of the files, against the path relative to the project, or the file name when it has no '/'. */
    private String file;

    /** The check id, e.g. {@code drop-column}. */
    private String check;

    /** Why this is safe here; mandatory and must say something. */
    private String reason;

    public AllowList.Entry entry() {
        return new AllowList.Entry(file, check, reason);
    }

    /** The entries of a configured list, which may be absent. */
    public static List<AllowList.Entry> entries(List<Allow> allows) {
        List<AllowList.Entry> out = new ArrayList<>();
        if (allows != null) {
            allows.forEach(a -> out.add(a.entry()));
        }
        return out;
    }

    @Override
    public String toString() {
        return "allow " + check + " in " + file;
    }
}
