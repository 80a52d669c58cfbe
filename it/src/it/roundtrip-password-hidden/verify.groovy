// The password, given each supported way, shows nowhere: not in Maven's debug output (-X prints every mojo
// parameter), not in a failure, not in any report; where a URL holds it, the URL is shown masked.
import java.nio.file.Files

def log = new File(basedir, 'build.log').text
def runs = log.split(/\[INFO\] Scanning for projects\.\.\./)
assert runs.length == 5 : "four builds expected, found ${runs.length - 1}"
def ways = ['env', 'server', 'url', 'property']
def byWay = [ways, runs[1..4]].transpose().collectEntries()

def on = '[INFO] Round trip (step mode) of 2 migrations on jdbc:postgresql://127.0.0.1:5432/test'
assert byWay.env.contains(on + ' as postgres (migration.url)\n')
assert byWay.server.contains(on + ' as postgres (migration.url)\n')
assert byWay.url.contains(on + '?password=**** as postgres (migration.url)\n')
assert byWay.property.contains(on + ' as postgres (migration.url)\n')
def source = [env     : 'the environment variable MIGRATION_PASSWORD',
              server  : "the server 'migration-it-hidden' of the settings",
              url     : 'the url',
              property: 'the property migration.password']
byWay.each { way, run ->
    assert run =~ /\[DEBUG\] The password for jdbc:postgresql:\/\/127\.0\.0\.1:5432\/test(\?password=\*\*\*\*)? as postgres comes from ${source[way]}\n/ : way
    // each build printed its mojo parameters, and got as far as the failing down on the server
    assert run.contains('[DEBUG] Configuring mojo execution \'dev.migrationsafety:migration-maven-plugin:') : way
    assert run.contains('[DEBUG]   (f) dialect = postgresql') : way
    assert run =~ /\[INFO\] V1__create_users  up [0-9.]+ m?s, down [0-9.]+ m?s, re-up [0-9.]+ m?s  PASSED/ : way
    assert run.contains('[ERROR] src/main/resources/db/undo/U2__users_name_index.sql: index users_name_idx' +
            ' present but not expected after down of V2__users_name_index') : way
    assert run.contains("see the lines above and target/migration-${way}/roundtrip.md") : way
}

// the password, the encrypted password, the master password, and any part of the password
def secrets = ['Sup3r-S3cret-pw', 'S3cret', 'wC5gI60z/+QH4GyvdgGQDV5D9DuI+DVV4/94waZn3+c=', 'it-master-7f3a91']
secrets.each { s -> assert !log.contains(s) : "secret ${s.take(6)}... in build.log" }
def searched = 0
new File(basedir, 'target').eachFileRecurse(groovy.io.FileType.FILES) { f ->
    def text = f.getText('ISO-8859-1')
    secrets.each { s -> assert !text.contains(s) : "secret ${s.take(6)}... in ${f}" }
    searched++
}
assert searched >= 12 : "${searched} files under target/"

// the reports are created with the permissions the user's umask gives any new file (not owner-only)
def reference = Files.writeString(new File(basedir, 'target/umask-reference.txt').toPath(), 'x')
def expected = Files.getPosixFilePermissions(reference)
ways.each { way ->
    ['roundtrip.json', 'roundtrip-junit.xml', 'roundtrip.md'].each { name ->
        def report = new File(basedir, "target/migration-${way}/${name}").toPath()
        assert Files.getPosixFilePermissions(report) == expected : "${report}: ${Files.getPosixFilePermissions(report)}"
    }
}
return true
