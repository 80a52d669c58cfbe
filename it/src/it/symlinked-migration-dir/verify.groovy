// The destructive migration inside the linked directory is found under the link's path, and the link that leaves
// the project is a naming error; each rule fails with its one summary.
def log = new File(basedir, 'build.log').getText('UTF-8').readLines()
def expected = [
    $/src/main/resources/db/migration/vendor: [migrationNaming] is a symbolic link to ../../../../../../symlinked-migration-dir-outside, which leaves the project; Maven copies what it links to and Flyway runs it, but no rule can check it - move what it links to into the project (links inside the project are followed), or remove the link/$,
    $/src/main/resources/db/migration/shared/V20260201120000__drop_legacy_code.sql:2: [drop-column] drops column users.legacy_code and its values - expand/contract: deploy code that no longer uses the column, archive its values, then drop it/$,
]
def actual = log.findAll { it.startsWith('[ERROR] src/') }.collect { it.substring('[ERROR] '.length()) }
assert actual == expected
assert log.findAll { it == '[ERROR] 1 migration violation; see above' }.size() == 2
return true
