// an allow without a reason suppresses nothing and is itself a violation
def lines = new File(basedir, "build.log").readLines().findAll { it.startsWith("[ERROR] ") }
assert lines.contains('[ERROR] src/main/resources/db/migration/V2__drop_legacy_code.sql:1: [invalid-allow] migration:allow drop-column has no reason; a reason="..." is mandatory - write -- migration:allow <check-id> reason="<why this is safe here>"')
assert lines.contains("[ERROR] src/main/resources/db/migration/V2__drop_legacy_code.sql:2: [drop-column] drops column users.legacy_code and its values - expand/contract: deploy code that no longer uses the column, archive its values, then drop it")
assert lines.contains("[ERROR] 2 migration violations; see above")
