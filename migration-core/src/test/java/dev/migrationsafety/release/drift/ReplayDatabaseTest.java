package dev.migrationsafety.release.drift;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.migrationsafety.database.DbTarget;
import dev.migrationsafety.database.ScratchSettings;
import org.junit.jupiter.api.Test;

class ReplayDatabaseTest {
    @Test
    void describesTheScratchServerWithoutItsPassword() {
        DbTarget admin = new DbTarget("jdbc:postgresql://scratch:5432/postgres?password=s3cret", "ci", "s3cret");
        assertEquals(
                "jdbc:postgresql://scratch:5432/postgres?password=**** as ci",
                ReplayDatabase.on(admin).describe());
        assertEquals(
                "scratch server jdbc:postgresql://ci:****@scratch/postgres",
                new ReplayDatabase(
                                admin,
                                ScratchSettings.defaults(),
                                "scratch server jdbc:postgresql://ci:s3cret@scratch/postgres")
                        .describe());
    }
}
