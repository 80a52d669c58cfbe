// The exact violation lines, then the enforcer's one summary failure.
def log = new File(basedir, 'build.log').getText('UTF-8').readLines()
def expected = [
    $/src/main/resources/db/migrations.lock:15: [linearMigrationHistory] has git merge conflict markers: two branches each added migrations - keep the target branch's version of this file (git checkout <target-branch> -- src/main/resources/db/migrations.lock), run `mvn migration:rebase` to move your new migrations after the newest locked one, then `mvn migration:lock`, and commit/$,
]
def actual = log.findAll { it.startsWith('[ERROR] src/') }.collect { it.substring('[ERROR] '.length()) }
assert actual == expected
assert log.contains('[ERROR] 1 migration violation; see above')

// git left both sides in the lock file: the sum lines differ, so the merge could not succeed silently
def lock = new File(basedir, 'src/main/resources/db/migrations.lock').text
assert lock.contains('<<<<<<< HEAD') && lock.contains('>>>>>>> feature-b')
assert lock.readLines().findAll { it.startsWith('sum sha256:') }.size() == 2
return true
