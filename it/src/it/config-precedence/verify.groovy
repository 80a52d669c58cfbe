// Each value comes from the highest source that sets it; -D beats everything; flywayConfig=false reads nothing.
def log = new File(basedir, 'build.log').text
def runs = log.split(/\[INFO\] Scanning for projects\.\.\./)
assert runs.length == 4 : "three builds expected, found ${runs.length - 1}"
def info = { run -> run.readLines().findAll { it.startsWith('[INFO] ') }.collect { it.substring(7) } }
def expect = { run, lines -> lines.each { assert info(run).contains(it) : it + '\n' + run } }
expect(runs[1], [
    'locations = filesystem:from-pom  (flyway-maven-plugin in pom.xml)',
    'schemas = conf_schema  (conf/flyway.conf:3)',
    'table = toml_history  (flyway.toml:7)',
    'repeatableSqlMigrationPrefix = R  (src/main/resources/application.properties:3)',
    'url = jdbc:mariadb://toml:3306/app  (flyway.toml:2)',
    'user = from_property  (property flyway.user)',
    'password = (not set)',
    'placeholders.a = plugin  (plugin parameter placeholders)',
    'placeholders.b = toml  (flyway.toml:11)',
    'placeholders.c = conf  (conf/flyway.conf:5)',
    'placeholders.d = spring  (src/main/resources/application.properties:5)',
    'dialect = mysql  (Flyway URL jdbc:mariadb://toml:3306/app)',
    'migration directories = from-pom',
])
expect(runs[2], [
    'locations = filesystem:from-cli  (property migration.locations)',
    'table = cli_history  (property flyway.table)',
    'migration directories = from-cli',
])
expect(runs[3], [
    'locations = classpath:db/migration  (default)',
    'schemas = (not set)',
    'table = flyway_schema_history  (default)',
    'url = (not set)',
    'user = (not set)',
    'placeholders.a = plugin  (plugin parameter placeholders)',
    'dialect = postgresql  (default)',
    'migration directories = src/main/resources/db/migration',
])
assert !info(runs[3]).any { it.startsWith('placeholders.b') }
return true
