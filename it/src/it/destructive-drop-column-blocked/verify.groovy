// the rule blocks an unreasoned DROP COLUMN in an unlocked migration, one line per finding, then the summary
def lines = new File(basedir, "build.log").readLines().findAll { it.startsWith("[ERROR] ") }
assert lines.contains("[ERROR] src/main/resources/db/migration/V2__drop_legacy_code.sql:2: [drop-column] drops column users.legacy_code and its values - expand/contract: deploy code that no longer uses the column, archive its values, then drop it")
assert lines.contains("[ERROR] Rule 0: dev.migrationsafety.enforcer.NoDestructiveMigrations failed with message:")
assert lines.contains("[ERROR] 1 migration violation; see above")
assert lines.findAll { it.contains("[drop-") || it.contains("[invalid-allow]") }.size() == 1
