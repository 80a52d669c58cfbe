// main releases V1 and locks it. A feature branch then adds a destructive V2 and locks it too, as
// `mvn migration:lock` does (the same core classes), and commits both: the working tree's lock file lists V2.
import dev.migrationsafety.history.Locker
import dev.migrationsafety.history.ProjectHistory
import dev.migrationsafety.migration.MigrationLayout

def git = evaluate(new File(itShared, 'git.groovy'))
def project = basedir.toPath()
def lockAll = {
    def lock = project.resolve('src/main/resources/db/migrations.lock')
    def locked = new Locker(false, null).update(ProjectHistory.load(MigrationLayout.defaults(project), lock)).lock()
    lock.toFile().setText(locked.render('src/main/resources/db/migrations.lock'), 'UTF-8')
}

assert git('init', '-q', '-b', 'main') == 0
lockAll()
assert git('add', 'pom.xml', 'src') == 0
assert git('commit', '-q', '-m', 'release 1') == 0
assert git('checkout', '-q', '-b', 'feature') == 0
new File(basedir, 'src/main/resources/db/migration/V2__drop_legacy_code.sql').setText(
        '-- the legacy code is no longer read\nALTER TABLE users DROP COLUMN legacy_code;\n', 'UTF-8')
lockAll()
assert new File(basedir, 'src/main/resources/db/migrations.lock').getText('UTF-8').contains('V2__drop_legacy_code.sql')
assert git('add', 'src') == 0
assert git('commit', '-q', '-m', 'drop the legacy code, and lock it') == 0
return true
