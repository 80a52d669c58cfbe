package dev.migrationsafety.roundtrip;

import dev.migrationsafety.catalog.Difference;

/** A snapshot difference found after the down (compared with before the up) or the re-up (compared with the up). */
public record PhaseDifference(Phase phase, Difference difference) {}
