import groovy.json.JsonSlurper

// migration:check prints every finding, annotates for GitHub, and writes JSON, SARIF and Markdown reports
def lines = new File(basedir, "build.log").readLines()
def v2 = "src/main/resources/db/migration/V2__user_indexes.sql"
def u2 = "src/main/resources/db/undo/U2__user_indexes.sql"
assert lines.contains("[WARNING] $v2:3:1: medium [drop-index] drops index users_email_old - check the query plans first; on PostgreSQL use DROP INDEX CONCURRENTLY".toString())
assert lines.contains("[WARNING] $u2:1:1: medium [lossy-rollback] re-creates column users.nick empty: the data its up script dropped ($v2:2) is not restored - keep the data (archive table or column) until the release is final, or mark the down irreversible".toString())
assert lines.contains("::warning file=$v2,line=3,col=1,title=medium [drop-index]::drops index users_email_old - check the query plans first; on PostgreSQL use DROP INDEX CONCURRENTLY".toString())
assert lines.contains("[INFO] Checked 4 migration file(s) (4 analysed, 0 from cache): 2 finding(s), 0 at or above critical; reports in target/migration")
assert !lines.any { it.startsWith("[ERROR]") }
// the reasoned allow in the SQL and the POM allow-list suppressed their findings
assert !lines.any { it.contains("[drop-column]") || it.contains("[create-index-not-concurrently]") || it.contains("unused-allow") }

def out = new File(basedir, "target/migration")
def json = new JsonSlurper().parse(new File(out, "check.json"))
assert json.failOn == "critical"
assert json.summary.findings == 2
assert json.summary.blocking == 0
assert json.findings*.check == ["drop-index", "lossy-rollback"]
assert json.findings[0].path == v2
assert json.findings[0].line == 3

def sarifFile = new File(out, "check.sarif")
def sarif = new JsonSlurper().parse(sarifFile)
assert sarif.version == "2.1.0"
assert sarif.runs[0].tool.driver.name == "migration-maven-plugin"
assert sarif.runs[0].tool.driver.version == json.version
assert json.version ==~ /\d+\.\d+\.\d+.*/
def results = sarif.runs[0].results
assert results*.ruleId == ["drop-index", "lossy-rollback"]
assert results[0].locations[0].physicalLocation.artifactLocation.uri == v2
assert results[0].locations[0].physicalLocation.region.startLine == 3
assert sarif.runs[0].tool.driver.rules.find { it.id == "drop-column" }.defaultConfiguration.level == "error"

// valid against the published SARIF 2.1.0 schema (kept with the core tests)
def schemaFile = new File(basedir, "../../../../migration-core/src/test/resources/sarif/sarif-schema-2.1.0.json")
def factory = com.networknt.schema.JsonSchemaFactory.getInstance(com.networknt.schema.SpecVersion.VersionFlag.V7)
def schema = factory.getSchema(schemaFile.newInputStream())
def errors = schema.validate(new com.fasterxml.jackson.databind.ObjectMapper().readTree(sarifFile))
assert errors.isEmpty() : errors.toString()

assert new File(out, "check.md").text.contains("2 findings, 0 blocking at threshold `critical`.")
