package dev.migrationsafety.migration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class NamingPolicyTest {
    private static final Instant T = Instant.parse("2026-01-29T14:30:52Z");

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "Add user preferences          | add_user_preferences",
                "ADD  User   Preferences       | add_user_preferences",
                "  add_user_preferences        | add_user_preferences",
                "add-user.preferences!         | add_user_preferences",
                "Crème brûlée                  | creme_brulee",
                "Straße umbenennen             | strasse_umbenennen",
                "Ærø Œuvre Łódź                | aero_oeuvre_lodz",
                "Ñandú (v2) / índice           | nandu_v2_indice",
                "__leading and trailing__      | leading_and_trailing",
                "Add column #42: 'price'       | add_column_42_price",
                "ｆｕｌｌｗｉｄｔｈ ＡＢＣ１２３    | fullwidth_abc123",
                "tab\\tand\\nnewline           | tab_and_newline",
            })
    void normalisesDescriptionsToSlugs(String description, String slug) {
        String text = description.replace("\\t", "\t").replace("\\n", "\n");
        assertEquals(slug, NamingPolicy.DEFAULT.slug(text));
        assertTrue(NamingPolicy.DEFAULT.isSlug(slug));
    }

    @Test
    void cutsLongDescriptionsAtAWord() {
        NamingPolicy policy = new NamingPolicy(NamingPolicy.DEFAULT_TIMESTAMP_PATTERN, 20);
        // 20 characters end inside "user": the cut goes back to the end of "the"
        assertEquals("add_a_column_to_the", policy.slug("Add a column to the user preferences table"));
        // 16 characters end exactly at the end of "columns": that whole word is kept
        assertEquals("add_user_columns", new NamingPolicy("yyyyMMddHHmmss", 16).slug("add user columns now"));
        // one word longer than the limit: cut inside it rather than leave nothing
        assertEquals("abcdefghij", new NamingPolicy("yyyyMMddHHmmss", 10).slug("abcdefghijklmnop qr"));
        // a word boundary in the first half is not used: too little would be left
        assertEquals("ab_cdefghi", new NamingPolicy("yyyyMMddHHmmss", 10).slug("ab cdefghijklmnop"));
        assertEquals("short", policy.slug("short"));
    }

    @ParameterizedTest(name = "[{0}]")
    @ValueSource(strings = {"", "   ", "!?!", "___", "--- ***", "日本語", "😀"})
    void refusesNamesWithNothingUsable(String description) {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> NamingPolicy.DEFAULT.slug(description));
        assertEquals(
                "the name '" + description + "' has no letters or digits to build a file name from; give a short "
                        + "description such as \"Add user preferences\" (letters a-z, digits 0-9; accents are removed,"
                        + " other characters become '_')",
                e.getMessage());
    }

    @Test
    void refusesNullName() {
        assertThrows(IllegalArgumentException.class, () -> NamingPolicy.DEFAULT.slug(null));
    }

    @Test
    void defaultPatternWritesSecondsInUtc() {
        assertEquals("20260129143052", NamingPolicy.DEFAULT.versionText(T));
        assertEquals(Optional.of(T), NamingPolicy.DEFAULT.timestampOf(MigrationVersion.parse("20260129143052")));
    }

    @Test
    void underscorePatternGivesADottedFlywayVersion() {
        NamingPolicy policy = new NamingPolicy("yyyyMMdd_HHmmss", 64);
        String text = policy.versionText(T);
        assertEquals("20260129_143052", text);
        MigrationVersion version = MigrationName.parse("V" + text + "__x.sql").version();
        assertEquals("20260129.143052", version.dotted());
        assertEquals(Optional.of(T), policy.timestampOf(version));
        assertTrue(MigrationVersion.parse(policy.versionText(T.plusSeconds(1))).isNewerThan(version));
    }

    @Test
    void timestampOfRejectsVersionsNotWrittenByThePolicy() {
        NamingPolicy policy = NamingPolicy.DEFAULT;
        assertEquals(Optional.empty(), policy.timestampOf(MigrationVersion.parse("1")));
        assertEquals(Optional.empty(), policy.timestampOf(MigrationVersion.parse("20260129_143052")));
        assertEquals(Optional.empty(), policy.timestampOf(MigrationVersion.parse("20261329143052"))); // month 13
        assertEquals(Optional.empty(), policy.timestampOf(MigrationVersion.parse("2026012914305")));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "yyyy-MM-dd HH:mm:ss | which Flyway cannot read as a version",
                "yyyyMMdd'T'HHmmss   | which Flyway cannot read as a version",
                "yyyyMMddHHmm        | does not order versions like time down to the second",
                "HHmmssyyyyMMdd      | does not order versions like time down to the second",
                "ddMMyyyyHHmmss      | does not order versions like time down to the second",
                "yyyyMMddhhmmss      | does not order versions like time down to the second",
                "YYYYMMddHHmmss      | does not order versions like time down to the second",
                "yyyyMMddHHmmssX     | which Flyway cannot read as a version",
                "yyyyMMddQQ{         | is not a valid date-time pattern",
            })
    void rejectsPatternsThatDoNotMakeOrderedFlywayVersions(String pattern, String reason) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new NamingPolicy(pattern, 64));
        assertTrue(e.getMessage().contains(reason), e.getMessage());
        assertTrue(e.getMessage().contains("yyyyMMdd_HHmmss"), "says what works: " + e.getMessage());
    }

    @Test
    void rejectsSlugLimitsOutOfRange() {
        assertThrows(IllegalArgumentException.class, () -> new NamingPolicy("yyyyMMddHHmmss", 7));
        assertThrows(IllegalArgumentException.class, () -> new NamingPolicy("yyyyMMddHHmmss", 201));
    }

    @Test
    void conformingNameHasNoViolations() {
        assertEquals(List.of(), NamingPolicy.DEFAULT.violations(MigrationName.parse("V20260129143052__add_users.sql")));
        assertEquals(List.of(), NamingPolicy.DEFAULT.violations(MigrationName.parse("R__refresh_views.sql")));
    }

    @Test
    void violationsSayWhatIsRight() {
        List<String> problems = NamingPolicy.DEFAULT.violations(MigrationName.parse("V42__Add Users.sql"));
        assertEquals(2, problems.size(), problems.toString());
        assertTrue(problems.get(0).contains("version '42' is not a UTC timestamp in the format yyyyMMddHHmmss"));
        assertTrue(problems.get(1).contains("use 'add_users'"), problems.get(1));
        assertFalse(NamingPolicy.DEFAULT.isSlug("Add_users"));
        assertFalse(NamingPolicy.DEFAULT.isSlug("add__users"));
    }
}
