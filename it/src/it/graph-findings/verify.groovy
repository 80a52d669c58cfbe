// Each finding is one warning line at its file and line; failOnSeverity=high fails the build with one summary.
def log = new File(basedir, 'build.log').readLines()
// our lines only: Maven itself may warn about the isolated repository's checksums
def warnings = log.findAll { it.startsWith('[WARNING] ') }.collect { it.substring(10) }
        .findAll { it.startsWith('Cycle: ') || it.contains(' [graph-') }
def dir = 'src/main/resources/db/migration/'
assert warnings == [
    'Cycle: a, b, c (a -> c by a_c_fk in V2; b -> a by b_a_id_fkey in V1; c -> b by c_b_id_fkey in V1)',
    dir + 'V3__invoices.sql:1:1: high [graph-missing-fk-target] foreign key of invoices(payment_id) references table payments, which does not exist at this point of the migration history (in V3) - create payments in an earlier migration, or add the foreign key in a migration after the one that creates it',
    dir + 'V4__drop_tags.sql:1:1: high [graph-drop-referenced-table] drops table tags, which foreign key item_tags_tag_id_fkey of item_tags (V3) still references; the database refuses the drop (in V4) - drop those foreign keys (or the referencing tables) first, in this migration or an earlier one',
    dir + 'V2__close_cycle.sql:2: medium [graph-fk-cycle] foreign key a_c_fk of a closes a cycle of foreign keys between a, b, c (a -> c, b -> a, c -> b); these tables cannot be created or dropped one after the other with their keys in place (in V2) - if the cycle is intended, add one of its keys after the tables with ALTER TABLE ... ADD CONSTRAINT and drop it first on teardown; otherwise remove one of the keys',
] : warnings.join('\n')
def info = log.findAll { it.startsWith('[INFO] ') }.collect { it.substring(7) }
assert info.contains('Creation order: a, b, c, invoices, item_tags') : log.join('\n')
assert log.any { it.startsWith('[ERROR] Failed to execute goal dev.migrationsafety:migration-maven-plugin:') && it.contains(':graph (default-cli) on project graph-findings: 2 schema graph finding(s) of severity high or worse; see above. Fix the migrations, or raise migration.graph.failOnSeverity') } : log.join('\n')
assert new File(basedir, 'target/migration/graph.json').isFile()
return true
