package dev.migrationsafety.enforcer;

import dev.migrationsafety.lint.AllowList;

/**
 * One allow-list entry of the POM: {@code <allow><file>glob</file><check>id</check><reason>why</reason></allow>}.
 * Maven sets the fields from the XML.
 */
public class Allow {
    /** Glob of the files, against the path relative to the project, or the file name when it has no '/'. */
    private String file;

    /** The check id, e.g. {@code drop-column}. */
    private String check;

    /** Why this is safe here; mandatory and must say something. */
    private String reason;

    AllowList.Entry entry() {
        return new AllowList.Entry(file, check, reason);
    }

    @Override
    public String toString() {
        return "allow " + check + " in " + file;
    }
}
