package dev.migrationsafety.database;

import java.util.List;
import java.util.regex.Pattern;

/**
 * How scratch databases are made on a server.
 *
 * @param sandbox run the migrations and down scripts as a throwaway account that may act only inside the scratch
 *     database ({@link SandboxRole}); false runs them with the full rights of the configured account (for trusted
 *     pipelines only)
 * @param extensions PostgreSQL extensions the privileged connection creates in each scratch database before any
 *     migration runs, for extensions the throwaway role may not create itself; they count as part of the starting
 *     point, like objects of the template database
 * @param allowNonEmpty go on when the new database is not empty (e.g. PostgreSQL's template1 holds objects)
 */
public record ScratchSettings(boolean sandbox, List<String> extensions, boolean allowNonEmpty) {
    private static final Pattern EXTENSION = Pattern.compile("[A-Za-z0-9_-]+");

    public ScratchSettings {
        extensions =
                extensions.stream().map(String::strip).filter(e -> !e.isEmpty()).toList();
        for (String e : extensions) {
            if (!EXTENSION.matcher(e).matches()) {
                throw new IllegalArgumentException(
                        "'" + e + "' is no extension name; give names such as pgcrypto," + " separated by commas");
            }
        }
    }

    /** Sandboxed, no extensions, an empty scratch database required. */
    public static ScratchSettings defaults() {
        return new ScratchSettings(true, List.of(), false);
    }

    public ScratchSettings withSandbox(boolean on) {
        return new ScratchSettings(on, extensions, allowNonEmpty);
    }

    public ScratchSettings withExtensions(List<String> names) {
        return new ScratchSettings(sandbox, names, allowNonEmpty);
    }

    public ScratchSettings withAllowNonEmpty(boolean allow) {
        return new ScratchSettings(sandbox, extensions, allow);
    }
}
