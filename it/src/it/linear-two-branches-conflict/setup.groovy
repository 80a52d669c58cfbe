// Simulates two feature branches that each add a migration and run `mvn migration:lock` (their results are in
// branches/a and branches/b), then merges both into main: git reports a conflict in the lock file.
def git = evaluate(new File(itShared, 'git.groovy'))

def copyTree(File from, File to) {
    from.eachFileRecurse { f ->
        if (f.isFile()) {
            def target = new File(to, from.toPath().relativize(f.toPath()).toString())
            target.parentFile.mkdirs()
            target.bytes = f.bytes
        }
    }
}

assert git('init', '-q', '-b', 'main') == 0
assert git('add', 'pom.xml', 'src') == 0
assert git('commit', '-q', '-m', 'base') == 0
['a', 'b'].each { branch ->
    assert git('checkout', '-q', '-b', "feature-${branch}", 'main') == 0
    copyTree(new File(basedir, "branches/${branch}"), basedir)
    assert git('add', 'src') == 0
    assert git('commit', '-q', '-m', "feature ${branch}: add a migration, lock it") == 0
}
assert git('checkout', '-q', 'main') == 0
assert git('merge', '-q', 'feature-a') == 0
// the second merge must conflict, in the lock file only
assert git('merge', '-q', 'feature-b') != 0
def status = new StringBuilder()
def proc = ['git', 'diff', '--name-only', '--diff-filter=U'].execute(null, basedir)
proc.waitForProcessOutput(status, status)
assert status.toString().trim() == 'src/main/resources/db/migrations.lock'
return true
