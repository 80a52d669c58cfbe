// The released migrations are committed on main; there is no lock file yet. A feature branch then edits a
// released migration and commits the edit: HEAD has it, so only main (frozenBaseRef) shows the change.
def git = evaluate(new File(itShared, 'git.groovy'))

assert git('init', '-q', '-b', 'main') == 0
assert git('add', 'pom.xml', 'src') == 0
assert git('commit', '-q', '-m', 'release 1') == 0
assert git('checkout', '-q', '-b', 'feature') == 0
new File(basedir, 'src/main/resources/db/migration/V002__add_email.sql').text =
        'ALTER TABLE users ADD COLUMN email VARCHAR(320);\n'
assert git('commit', '-q', '-a', '-m', 'widen email in place') == 0
return true
