package dev.migrationsafety.migration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MigrationNameTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "V1__init.sql               | VERSIONED  | 1            | init",
                "V1_1__x.sql                | VERSIONED  | 1.1          | x",
                "V1.2.3__x.sql              | VERSIONED  | 1.2.3        | x",
                "V001__init.sql             | VERSIONED  | 1            | init",
                "V2__add__users.sql         | VERSIONED  | 2            | add__users",
                "V20260129_143052__x.sql    | VERSIONED  | 20260129.143052 | x",
                "U7__drop_x.sql             | UNDO       | 7            | drop_x",
                "B5__baseline.sql           | BASELINE   | 5            | baseline",
                "V1__.sql                   | VERSIONED  | 1            | ''",
                "V1__with space.sql         | VERSIONED  | 1            | with space",
            })
    void parsesNamesFlywayAccepts(String file, MigrationKind kind, String canonicalVersion, String description) {
        MigrationName name = MigrationName.parse(file);
        assertEquals(kind, name.kind());
        assertEquals(MigrationVersion.parse(canonicalVersion), name.version());
        assertEquals(description, name.description());
    }

    @Test
    void repeatableHasNoVersion() {
        MigrationName name = MigrationName.parse("R__refresh_views.sql");
        assertEquals(MigrationKind.REPEATABLE, name.kind());
        assertNull(name.version());
        assertEquals("refresh views", name.displayDescription());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "v2__x.sql        | the prefix 'v' must be upper-case 'V'",
                "V1_x.sql         | there is no double underscore '__'",
                "V1__x.SQL        | the suffix must be lower-case '.sql'",
                "V1__x.sql.bak    | not a '.sql' file",
                "V__x.sql         | the version is missing",
                "V1a__x.sql       | may only contain digits",
                "V1..2__x.sql     | has an empty part",
                "R1__x.sql        | a repeatable migration has no version",
                "X1__x.sql        | it must start with V",
                "readme.txt       | not a '.sql' file",
            })
    void rejectsNamesFlywayWouldSkip(String file, String reason) {
        InvalidMigrationNameException e =
                assertThrows(InvalidMigrationNameException.class, () -> MigrationName.parse(file));
        assertTrue(e.reason().contains(reason), e.reason());
        assertEquals(file, e.fileName());
    }

    @Test
    void versionsCompareLikeFlyway() {
        assertEquals(MigrationVersion.parse("1"), MigrationVersion.parse("1.0"));
        assertEquals(MigrationVersion.parse("1"), MigrationVersion.parse("1_0_0"));
        assertEquals(MigrationVersion.parse("001"), MigrationVersion.parse("1"));
        assertNotEquals(MigrationVersion.parse("1.1"), MigrationVersion.parse("1.10"));
        assertTrue(MigrationVersion.parse("1.10").isNewerThan(MigrationVersion.parse("1.9")));
        assertTrue(MigrationVersion.parse("2").isNewerThan(MigrationVersion.parse("1.999")));
        assertTrue(MigrationVersion.parse("20260129.143052").isNewerThan(MigrationVersion.parse("20260129_143051")));
        assertEquals(
                "20260129.143052", MigrationVersion.parse("20260129_143052").dotted());
        assertEquals("1.2", MigrationVersion.parse("01_2_0").canonical());
    }

    @Test
    void versionsBeyondLongRange() {
        MigrationVersion big = MigrationVersion.parse("99999999999999999999999");
        assertTrue(big.isNewerThan(MigrationVersion.parse("20261121143052")));
    }
}
