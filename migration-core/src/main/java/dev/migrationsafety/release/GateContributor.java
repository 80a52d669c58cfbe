package dev.migrationsafety.release;

import java.util.List;

/**
 * A capability that adds sections to a release report (data impact, preflight, drift, leftovers of a deploy). It
 * reads through the context's read-only session and never writes. A contributor that cannot do its work (no rights
 * to a catalogue view) says so in a note of its section rather than failing the goal.
 */
@FunctionalInterface
public interface GateContributor {
    /** The sections to add, in order; empty when it has nothing to say for this goal. */
    List<GateSection> sections(GateContext context);
}
