// Runs this case only when the PostgreSQL server answers, unless the build demands databases.
def required = 'true'.equals(String.valueOf(requireDatabases))
try {
    new Socket().withCloseable { it.connect(new InetSocketAddress('127.0.0.1', 5432), 2000) }
    return true
} catch (IOException e) {
    if (required) {
        println "*** PostgreSQL at 127.0.0.1:5432 is unreachable and migration.it.requireDatabases=true ***"
        return true // run it, so that it fails
    }
    println "*** SKIPPED ${basedir.name}: PostgreSQL at 127.0.0.1:5432 is unreachable (${e.message});" +
            " set -Dmigration.it.requireDatabases=true to make this a failure ***"
    return false
}
