package dev.migrationsafety.release.drift;

import dev.migrationsafety.database.DbTarget;
import dev.migrationsafety.database.ScratchSettings;
import java.util.Objects;

/**
 * Where the drift replay makes its scratch database, chosen as the round trip chooses its own
 * ({@code RoundtripDatabase.choose}): the embedded PostgreSQL or MariaDB started for the run, H2 in memory
 * ({@code ScratchDatabase.h2For}), or a server reached by a separate scratch URL. Never the target: the check refuses
 * an {@code admin} that names the target's database.
 *
 * @param admin the account that creates and drops the scratch database
 * @param settings how scratch databases are made there (sandbox, extensions), as for the round trip
 * @param description how reports name it, e.g. the round trip's {@code embedded PostgreSQL 17.5.0 (dialect ...)};
 *     null for the masked URL and user of {@code admin}
 */
public record ReplayDatabase(DbTarget admin, ScratchSettings settings, String description) {
    public ReplayDatabase {
        Objects.requireNonNull(admin, "admin");
        settings = settings == null ? ScratchSettings.defaults() : settings;
    }

    /** A scratch server reached by {@code admin}, with the round trip's default settings. */
    public static ReplayDatabase on(DbTarget admin) {
        return new ReplayDatabase(admin, ScratchSettings.defaults(), null);
    }

    /** How reports name it, passwords masked. */
    public String describe() {
        return description == null ? admin.toString() : admin.mask(description);
    }
}
