// The flyway-maven-plugin's naming (M<version>-<description>.pgsql) is honoured by the config goal, the naming rule,
// the round trip through Flyway on H2 and migration:new.
def log = new File(basedir, 'build.log').text
def runs = log.split(/\[INFO\] Scanning for projects\.\.\./)
assert runs.length == 4 : "three builds expected, found ${runs.length - 1}"
def lines = { run, level -> run.readLines().findAll { it.startsWith("[${level}] ") }.collect { it.substring(level.length() + 3) } }

// 1: config shows where the naming comes from; the rule passes; the round trip runs both migrations
def info1 = lines(runs[1], 'INFO')
[
    'sqlMigrationPrefix = M  (flyway-maven-plugin in pom.xml)',
    'sqlMigrationSeparator = -  (flyway-maven-plugin in pom.xml)',
    'sqlMigrationSuffixes = .pgsql  (flyway-maven-plugin in pom.xml)',
    'repeatableSqlMigrationPrefix = R  (default)',
    'Rule 0: dev.migrationsafety.enforcer.MigrationNamingRule(migrationNaming) passed',
    'Round trip (step mode) of 2 migrations on H2 in memory (dialect h2 from the dependency com.h2database:h2)',
].each { assert info1.contains(it) : it + '\n' + runs[1] }
assert info1.any { it ==~ /M20260101120000-create_users  up [0-9.]+ m?s, down [0-9.]+ m?s, re-up [0-9.]+ m?s  PASSED/ } : runs[1]
assert info1.any { it ==~ /M20260102120000-users_email  up [0-9.]+ m?s, down [0-9.]+ m?s, re-up [0-9.]+ m?s  PASSED/ } : runs[1]
assert info1.any { it ==~ /2 migrations \(step mode\) in [0-9.]+ m?s: 2 passed, 0 with warnings, 0 failed, 0 irreversible, 0 not run/ } : runs[1]
assert lines(runs[1], 'ERROR').isEmpty() : runs[1]
assert !runs[1].contains('not supported')

// 2: files outside the project's naming, each with the project's pattern
def expected = [
    $/legacy/M20260104120000_one_underscore.pgsql: [migrationNaming] there is no separator '-' between the version and the description; Flyway skips it silently - rename it to this project's naming M<version>-<description>.pgsql, e.g. M20260129143052-add_users.pgsql (`mvn migration:new` creates one)/$,
    $/legacy/V20260103120000__old_style.sql: [migrationNaming] it is named in Flyway's default naming, but this project's naming is M<version>-<description>.pgsql; Flyway ignores it - rename it to M20260103120000-old_style.pgsql/$,
]
assert lines(runs[2], 'ERROR').findAll { it.startsWith('legacy/') } == expected : runs[2]
assert lines(runs[2], 'ERROR').contains('2 migration violations; see above') : runs[2]

// 3: migration:new names both files the project's way
def created = lines(runs[3], 'INFO').findAll { it.startsWith('Created ') }
assert created.size() == 2 : runs[3]
def up = created[0] =~ /^Created src\/main\/resources\/db\/migration\/M(\d{14})-add_phone\.pgsql$/
assert up.matches() : created[0]
assert created[1] == "Created src/main/resources/db/undo/U${up.group(1)}-add_phone.pgsql"
assert new File(basedir, "src/main/resources/db/undo/U${up.group(1)}-add_phone.pgsql").isFile()
return true
