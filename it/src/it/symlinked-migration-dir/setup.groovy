// Symbolic links are made here rather than kept in the case: db/migration/shared links to shared-sql/ in the
// project, db/migration/vendor to a directory beside the project.
import java.nio.file.Files
import java.nio.file.Path

def migration = basedir.toPath().resolve('src/main/resources/db/migration')
Files.createSymbolicLink(migration.resolve('shared'), Path.of('../../../../../shared-sql'))
def outside = basedir.toPath().resolveSibling(basedir.name + '-outside')
Files.createDirectories(outside)
Files.writeString(outside.resolve('V20260301120000__vendor.sql'), 'DROP TABLE users;\n')
Files.createSymbolicLink(migration.resolve('vendor'), Path.of('../../../../../../' + basedir.name + '-outside'))
return true
