// The exact violation lines, then the enforcer's one summary failure.
def log = new File(basedir, 'build.log').getText('UTF-8').readLines()
def expected = [
    $/src/main/resources/db/migration/V002__legacy_style.sql: [migrationNaming] version '002' is not a UTC timestamp in the format yyyyMMddHHmmss (e.g. 20260129143052) - create migrations with `mvn migration:new`/$,
    $/src/main/resources/db/migration/V20260201120001_single_underscore.sql: [migrationNaming] there is no double underscore '__' between the version and the description; Flyway skips it silently - rename it to a name Flyway reads, e.g. V20260129143052__add_users.sql (`mvn migration:new` creates one)/$,
    $/src/main/resources/db/migration/V20260201120002__upper_suffix.SQL: [migrationNaming] the suffix must be lower-case '.sql'; Flyway does not read '.SQL' - rename it to a name Flyway reads, e.g. V20260129143052__add_users.sql (`mvn migration:new` creates one)/$,
    $/src/main/resources/db/migration/V20260201120003__backup.sql.bak: [migrationNaming] not a '.sql' file; Flyway ignores it - move it out of the migration locations (or delete it)/$,
    $/src/main/resources/db/migration/V20260201120004__.sql: [migrationNaming] the description after '__' is empty - describe the change, e.g. '__add_user_preferences'/$,
    $/src/main/resources/db/migration/V20260201120005__add users.sql: [migrationNaming] description 'add users' is not lower snake case (a-z, 0-9, single '_' between words) - use 'add_users'/$,
    $/src/main/resources/db/migration/V20260201120006__café.sql: [migrationNaming] description 'café' is not lower snake case (a-z, 0-9, single '_' between words) - use 'cafe'/$,
    $/src/main/resources/db/migration/V20260201120008__no_down.sql: [migrationNaming] has no down script U20260201120008__no_down.sql in src/main/resources/db/undo - write the down script (`mvn migration:new` creates both files), or, if the change truly cannot be undone, create it with the line -- migration:irreversible reason="<why>"/$,
    $/src/main/resources/db/migration/v20260201120000__lower_prefix.sql: [migrationNaming] the prefix 'v' must be upper-case 'V'; Flyway's prefixes are case-sensitive; Flyway skips it silently - rename it to a name Flyway reads, e.g. V20260129143052__add_users.sql (`mvn migration:new` creates one)/$,
    $/src/main/resources/db/undo/U20260201120004__.sql: [migrationNaming] the description after '__' is empty - describe the change, e.g. '__add_user_preferences'/$,
    $/src/main/resources/db/undo/U20260201120007__orphan.sql: [migrationNaming] is a down script without a versioned migration V20260201120007__*.sql - rename it to the version of the migration it reverses, or delete it/$,
    $/src/main/resources/db/undo/U20260201120009__drop_j.sql: [migrationNaming] marks its migration irreversible without a reason - say why it cannot be undone: -- migration:irreversible reason="<why>"/$,
]
def actual = log.findAll { it.startsWith('[ERROR] src/') }.collect { it.substring('[ERROR] '.length()) }
assert actual == expected
assert log.contains('[ERROR] 12 migration violations; see above')
return true
