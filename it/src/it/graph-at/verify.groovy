// -Dmigration.graph.at=2 draws the schema as V2 left it; excludeTables hides audit_*; only Mermaid and JSON.
def log = new File(basedir, 'build.log').readLines()
def info = log.findAll { it.startsWith('[INFO] ') }.collect { it.substring(7) }
assert info.contains('Schema graph of 2 migrations up to version 2 (postgresql): 2 tables, 1 foreign key, 0 cycles') : log.join('\n')
assert info.contains('Creation order: users, posts') : log.join('\n')
def written = info.findAll { it.startsWith('Wrote ') }
assert written == ['Wrote target/migration/schema.mmd', 'Wrote target/migration/migrations.mmd',
                   'Wrote target/migration/graph.json'] : log.join('\n')
def out = new File(basedir, 'target/migration')
assert !new File(out, 'graph.html').exists()
assert !new File(out, 'schema.dot').exists()
def json = new File(out, 'graph.json').text
assert json.contains('"at": "2"') : json
assert !json.contains('comments') : json
assert !json.contains('"public.audit_log"') : json
return true
