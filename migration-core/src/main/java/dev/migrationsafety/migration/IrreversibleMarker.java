package dev.migrationsafety.migration;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The mark of a migration that truly cannot be reversed: its down file holds a line
 * {@code -- migration:irreversible reason="<why>"}. The generator writes it, the naming rule accepts it in place
 * of a down script, and the round trip skips the down of such a migration and says why.
 */
public final class IrreversibleMarker {
    private static final Pattern MARKER = Pattern.compile(
            "(?m)^[ \\t]*--[ \\t]*migration:irreversible\\b(?:[ \\t]+reason=\"((?:[^\"\\\\]|\\\\.)*)\")?");

    private IrreversibleMarker() {}

    /** The marker line for a reason. */
    public static String line(String reason) {
        return "-- migration:irreversible reason=\""
                + reason.strip().replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    /** Whether the content carries the marker at all (with or without a usable reason). */
    public static boolean isMarked(String content) {
        return MARKER.matcher(content).find();
    }

    /** The reason of the marker in the content; empty if there is no marker or its reason is missing or blank. */
    public static Optional<String> reasonIn(String content) {
        Matcher m = MARKER.matcher(content);
        if (!m.find() || m.group(1) == null) {
            return Optional.empty();
        }
        String reason = m.group(1).replace("\\\"", "\"").replace("\\\\", "\\").strip();
        return reason.isEmpty() ? Optional.empty() : Optional.of(reason);
    }
}
