// Runs this case only when the MariaDB server answers, unless the build demands databases.
def required = 'true'.equals(String.valueOf(requireDatabases))
try {
    new Socket().withCloseable { it.connect(new InetSocketAddress('127.0.0.1', 3306), 2000) }
    return true
} catch (IOException e) {
    if (required) {
        println "*** MariaDB at 127.0.0.1:3306 is unreachable and migration.it.requireDatabases=true ***"
        return true // run it, so that it fails
    }
    println "*** SKIPPED ${basedir.name}: MariaDB at 127.0.0.1:3306 is unreachable (${e.message});" +
            " set -Dmigration.it.requireDatabases=true to make this a failure ***"
    return false
}
