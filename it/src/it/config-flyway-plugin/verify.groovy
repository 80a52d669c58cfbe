// Every value comes from the flyway-maven-plugin's configuration; the password never appears.
def log = new File(basedir, 'build.log').text
def lines = log.readLines()
def info = lines.findAll { it.startsWith('[INFO] ') }.collect { it.substring(7) }
[
    'locations = filesystem:sql/migrations  (flyway-maven-plugin in pom.xml)',
    'schemas = shop  (flyway-maven-plugin in pom.xml)',
    'table = schema_history  (flyway-maven-plugin in pom.xml)',
    'sqlMigrationPrefix = V  (default)',
    'sqlMigrationSeparator = __  (default)',
    'sqlMigrationSuffixes = .sql  (default)',
    'repeatableSqlMigrationPrefix = R  (default)',
    'url = jdbc:mariadb://db.example:3306/shop  (flyway-maven-plugin in pom.xml)',
    'user = shop  (flyway-maven-plugin in pom.xml)',
    'password = ******  (flyway-maven-plugin in pom.xml)',
    'placeholders.owner = shop_owner  (flyway-maven-plugin in pom.xml)',
    'dialect = mysql  (Flyway URL jdbc:mariadb://db.example:3306/shop)',
    'migration directories = sql/migrations',
    'down scripts = src/main/resources/db/undo',
].each { assert info.contains(it) : it + '\n' + log }
assert !log.contains('s3cret-pw')
// check reads the migrations at that location
assert lines.any { it.startsWith('[ERROR] sql/migrations/V2__drop_products.sql:1:1: critical [drop-table]') } : log
return true
