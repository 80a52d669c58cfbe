package dev.migrationsafety.database;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DbTargetTest {

    @Test
    void theDefaultPasswordPostgresLeavesTheUrlAndOtherWordsAlone() {
        DbTarget t = new DbTarget("jdbc:postgresql://127.0.0.1:5432/test", "postgres", "postgres");
        assertEquals("jdbc:postgresql://127.0.0.1:5432/test", t.maskedUrl());
        assertEquals("jdbc:postgresql://127.0.0.1:5432/test as postgres", t.toString());
        assertEquals(
                "Database: jdbc:postgresql://127.0.0.1:5432/migration_rt_x (PostgreSQL 17.5)",
                t.mask("Database: jdbc:postgresql://127.0.0.1:5432/migration_rt_x (PostgreSQL 17.5)"));
        // where it stands as a word of its own it is the password, and hidden
        assertEquals(
                "FATAL: password authentication failed for user \"****\"",
                t.mask("FATAL: password authentication failed for user \"postgres\""));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                // a password= parameter, alone, first, in the middle; PostgreSQL, MySQL, H2's ; separator
                "jdbc:postgresql://h/db?password=x9|jdbc:postgresql://h/db?password=****",
                "jdbc:postgresql://h:5432/db?password=Sup3r-S3cret-pw&ssl=true|jdbc:postgresql://h:5432/db?password=****&ssl=true",
                "jdbc:mysql://h/db?user=u&password=p&useSSL=false|jdbc:mysql://h/db?user=u&password=****&useSSL=false",
                "jdbc:h2:mem:x;USER=sa;PASSWORD=pw;MODE=MySQL|jdbc:h2:mem:x;USER=sa;PASSWORD=****;MODE=MySQL",
                "jdbc:sqlserver://h;user=u;pwd=pw;databaseName=d|jdbc:sqlserver://h;user=u;pwd=****;databaseName=d",
                // user info, with an @ in the password
                "jdbc:mariadb://u:p@h/db|jdbc:mariadb://u:****@h/db",
                "jdbc:mariadb://u:p@ss@h:3306/db|jdbc:mariadb://u:****@h:3306/db",
                "jdbc:postgresql://app:postgres@db.example:5432/app|jdbc:postgresql://app:****@db.example:5432/app",
                // nothing to hide
                "jdbc:postgresql://h:5432/db?user=u&ssl=true|jdbc:postgresql://h:5432/db?user=u&ssl=true",
                "jdbc:mariadb://u@h:3306/db|jdbc:mariadb://u@h:3306/db",
            })
    void passwordsWrittenIntoTheUrlAreMasked(String url, String masked) {
        DbTarget t = new DbTarget(url, "u", null);
        assertEquals(masked, t.maskedUrl());
        assertEquals(masked + " as u", t.toString());
        assertEquals(!url.equals(masked), t.urlHasPassword());
    }

    @Test
    void aPasswordOfTheUrlIsAlsoHiddenWhereAMessageRepeatsItWithoutTheUrl() {
        DbTarget t = new DbTarget("jdbc:mariadb://app:Sup3r-S3cret-pw@h/db", null, null);
        assertEquals(
                "Access denied for 'app' using password '****' and ****",
                t.mask("Access denied for 'app' using password 'Sup3r-S3cret-pw' and Sup3r-S3cret-pw"));
    }

    @Test
    void aPasswordParameterInRunningTextEndsWithItsValue() {
        DbTarget t = new DbTarget("jdbc:postgresql://h/db", "u", null);
        assertEquals(
                "cannot connect to 'jdbc:postgresql://h/db?password=****' (timeout)",
                t.mask("cannot connect to 'jdbc:postgresql://h/db?password=x9' (timeout)"));
        assertEquals("<url>jdbc:x://h?password=****</url> as u", t.mask("<url>jdbc:x://h?password=x9</url> as u"));
    }

    @Test
    void aLongPasswordIsHiddenEvenInsideAWordAShortOneOnlyAsAWord() {
        DbTarget strong = new DbTarget("jdbc:postgresql://h/db", "u", "Sup3r-S3cret-pw");
        assertEquals("token=x****y; ****", strong.mask("token=xSup3r-S3cret-pwy; Sup3r-S3cret-pw"));
        DbTarget shortOne = new DbTarget("jdbc:postgresql://h/db", "u", "abc");
        assertEquals("abcdef (****) xabc '****'", shortOne.mask("abcdef (abc) xabc 'abc'"));
        DbTarget common = new DbTarget("jdbc:postgresql://h/db", "u", "password");
        assertEquals(
                "passwords are secret, the **** is not shown",
                common.mask("passwords are secret, the password is not shown"));
    }

    @Test
    void passwordsWithSymbolsAtTheirEndsAreHidden() {
        DbTarget t = new DbTarget("jdbc:postgresql://h/db", "u", "#x!");
        assertEquals("a****b ****", t.mask("a#x!b #x!"));
        assertTrue(t.mask("#x!#x!").indexOf("#x!") < 0);
        assertFalse(t.toString().contains("#x!"));
    }

    @Test
    void theScratchDatabaseKeepsTheCredentials() {
        DbTarget t = new DbTarget("jdbc:postgresql://h:5432/app?user=u&password=s3cret&ssl=true", "u", "s3cret");
        assertEquals(
                "jdbc:postgresql://h:5432/migration_rt_x?user=u&password=s3cret&ssl=true",
                t.withDatabase("migration_rt_x").url());
        assertEquals(
                "jdbc:postgresql://h:5432/migration_rt_x?user=u&password=****&ssl=true",
                t.withDatabase("migration_rt_x").maskedUrl());
    }
}
