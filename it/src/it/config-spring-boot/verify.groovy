// Spring Boot's locations ({vendor} from the datasource url) are where check and the enforcer rules read; the
// profile document and the unused db/migration are not read.
def log = new File(basedir, 'build.log').text
def runs = log.split(/\[INFO\] Scanning for projects\.\.\./)
assert runs.length == 3 : "two builds expected, found ${runs.length - 1}"
def (goals, validate) = [runs[1], runs[2]]
def info = goals.readLines().findAll { it.startsWith('[INFO] ') }.collect { it.substring(7) }
def yml = 'src/main/resources/application.yml'
[
    "locations = classpath:db/changes,classpath:db/vendor/postgresql  (${yml}:9)".toString(),
    'table = flyway_schema_history  (default)',
    "url = jdbc:postgresql://localhost:5432/orders  (${yml}:5)".toString(),
    "user = orders  (${yml}:6)".toString(),
    "password = ******  (${yml}:7)".toString(),
    "placeholders.owner = orders_owner  (${yml}:13)".toString(),
    'dialect = postgresql  (Flyway URL jdbc:postgresql://localhost:5432/orders)',
    'migration directories = src/main/resources/db/changes,src/main/resources/db/vendor/postgresql',
].each { assert info.contains(it) : it + '\n' + goals }
assert !log.contains('spring-secret')
assert info.contains('Checked 3 migration file(s) (3 analysed, 0 from cache): 1 finding(s), 1 at or above critical; reports in target/migration') : goals
def errors = goals.readLines().findAll { it.startsWith('[ERROR] src/') }
assert errors.size() == 1 && errors[0].startsWith('[ERROR] src/main/resources/db/changes/V2__drop_orders.sql:1:1: critical [drop-table]') : goals

def validateErrors = validate.readLines().findAll { it.startsWith('[ERROR] ') }
assert validateErrors.contains('[ERROR] src/main/resources/db/changes/V2__drop_orders.sql:1: [drop-table] drops table orders and all its rows - stop using the table, rename it (e.g. to <name>_retired) or archive it, and drop it in a later release') : validate
assert validateErrors.contains('[ERROR] 1 migration violation; see above') : validate
assert !log.contains('never_read')
return true
