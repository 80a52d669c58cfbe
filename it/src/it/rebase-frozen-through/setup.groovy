// V001 and V002 are released on main (no lock file yet, legacy names, no down scripts). A feature branch adds
// V1.5__backfill.sql and its down script and commits them: HEAD has them, main (frozenBaseRef) does not.
def git(String... args) {
    def cmd = ['git', '-c', 'user.name=it', '-c', 'user.email=it@example.invalid', '-c', 'commit.gpgsign=false',
               '-c', 'core.autocrlf=false'] + args.toList()
    def proc = cmd.execute(null, basedir)
    def out = new StringBuilder()
    proc.waitForProcessOutput(out, out)
    println "git ${args.join(' ')} -> ${proc.exitValue()}\n${out}"
    return proc.exitValue()
}

assert git('init', '-q', '-b', 'main') == 0
assert git('add', 'pom.xml', 'src/main/resources/db/migration/V001__init.sql',
        'src/main/resources/db/migration/V002__add_email.sql') == 0
assert git('commit', '-q', '-m', 'release 1') == 0
assert git('checkout', '-q', '-b', 'feature') == 0
assert git('add', 'src') == 0
assert git('commit', '-q', '-m', 'backfill, numbered by hand') == 0
return true
