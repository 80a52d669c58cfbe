// flyway.toml wins over conf/flyway.conf; what only flyway.conf sets is taken from there; the password is masked.
def log = new File(basedir, 'build.log').text
def info = log.readLines().findAll { it.startsWith('[INFO] ') }.collect { it.substring(7) }
[
    'locations = filesystem:database/migrations  (flyway.toml:9)',
    'schemas = inventory,audit  (flyway.toml:6)',
    'table = inventory_history  (conf/flyway.conf:3)',
    'sqlMigrationPrefix = V  (default)',
    'url = jdbc:postgresql://localhost:5432/inventory  (flyway.toml:3)',
    'user = inventory  (flyway.toml:4)',
    'password = ******  (flyway.toml:5)',
    'placeholders.owner = inventory_owner  (conf/flyway.conf:4)',
    'dialect = postgresql  (Flyway URL jdbc:postgresql://localhost:5432/inventory)',
    'migration directories = database/migrations',
].each { assert info.contains(it) : it + '\n' + log }
assert !log.contains('toml-secret')
assert log.readLines().any { it.startsWith('[ERROR] database/migrations/V2__items_sku_not_unique.sql:1:1: critical [drop-column]') } : log
return true
