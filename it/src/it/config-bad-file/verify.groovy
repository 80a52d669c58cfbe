// One error line with file:line, what is wrong and how to fix it; no stack trace of ours.
def lines = new File(basedir, 'build.log').readLines()
def expected = 'src/main/resources/application.yml:3: expected \'key: value\', a list item \'- value\' or a comment,' +
        ' found \'locations:classpath:db/changes\' - put a space after the colon of key: value, indent a value that' +
        ' goes on from the line above under its key, or start the line with # to make it a comment'
assert lines.any { it.startsWith('[ERROR] Failed to execute goal dev.migrationsafety:migration-maven-plugin:') && it.endsWith(': ' + expected + ' -> [Help 1]') } : lines.join('\n')
assert !lines.any { it.contains('ConfigFileException') && !it.startsWith('Caused by') && !it.contains('Failed to execute goal') } : lines.join('\n')
return true
