// V001 and V002 are released on main (no lock file yet, legacy names, no down scripts). A feature branch adds
// V1.5__backfill.sql and its down script and commits them: HEAD has them, main (frozenBaseRef) does not.
def git = evaluate(new File(itShared, 'git.groovy'))

assert git('init', '-q', '-b', 'main') == 0
assert git('add', 'pom.xml', 'src/main/resources/db/migration/V001__init.sql',
        'src/main/resources/db/migration/V002__add_email.sql') == 0
assert git('commit', '-q', '-m', 'release 1') == 0
assert git('checkout', '-q', '-b', 'feature') == 0
assert git('add', 'src') == 0
assert git('commit', '-q', '-m', 'backfill, numbered by hand') == 0
return true
