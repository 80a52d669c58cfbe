// A name with nothing usable is refused with one [ERROR] line that says what is accepted; nothing is written.
def log = new File(basedir, 'build.log').readLines()
def prefix = ~/^\[ERROR\] Failed to execute goal dev\.migrationsafety:migration-maven-plugin:[^:]+:new \(default-cli\) on project new-bad-name: /
def errors = log.findAll { it =~ prefix }
assert errors.size() == 1 : log.join('\n')
assert errors[0].replaceFirst(prefix, '') == "the name '!?!' has no letters or digits to build a file name from; give a short description such as \"Add user preferences\" (letters a-z, digits 0-9; accents are removed, other characters become '_') -> [Help 1]"
assert !new File(basedir, 'src').exists()
