// What the invoker cases that need a database server share; a case's script gets it with
//     def servers = evaluate(new File(itShared, 'servers.groovy'))
// (itShared is set in it/pom.xml; this folder holds no pom.xml, so it is no case of its own).

class Servers {
    File basedir
    boolean required

    /**
     * For a selector script: whether the case runs. It runs when the server answers, and also when it does not but
     * migration.it.requireDatabases=true, so that it fails; otherwise it is skipped, loudly.
     */
    boolean selects(String server, int port) {
        try {
            new Socket().withCloseable { it.connect(new InetSocketAddress('127.0.0.1', port), 2000) }
            return true
        } catch (IOException e) {
            if (required) {
                println "*** ${server} at 127.0.0.1:${port} is unreachable and migration.it.requireDatabases=true ***"
                return true
            }
            println "*** SKIPPED ${basedir.name}: ${server} at 127.0.0.1:${port} is unreachable (${e.message});" +
                    " set -Dmigration.it.requireDatabases=true to make this a failure ***"
            return false
        }
    }

    /** Runs work on a connection to the test PostgreSQL as postgres, through the driver the plugin resolved. */
    def postgres(Closure work) {
        connect('org/postgresql/postgresql', 'org.postgresql.Driver', 'jdbc:postgresql://127.0.0.1:5432/test',
                'postgres', work)
    }

    /** Runs work on a connection to the test MariaDB as root, through the driver the plugin resolved. */
    def mariadb(Closure work) {
        connect('org/mariadb/jdbc/mariadb-java-client', 'org.mariadb.jdbc.Driver', 'jdbc:mariadb://127.0.0.1:3306/',
                'root', work)
    }

    private def connect(String artifactPath, String driverClass, String url, String user, Closure work) {
        def repo = new File(basedir, "../../local-repo/${artifactPath}")
        def jar = repo.listFiles().collect { d -> d.listFiles().find { it.name.endsWith('.jar') } }.find { it != null }
        def loader = new URLClassLoader([jar.toURI().toURL()] as URL[], getClass().classLoader)
        def driver = loader.loadClass(driverClass).getDeclaredConstructor().newInstance()
        def props = new Properties()
        props.setProperty('user', user)
        driver.connect(url, props).withCloseable { c -> work(c) }
    }
}

new Servers(basedir: basedir, required: 'true'.equals(String.valueOf(requireDatabases)))
