import java.sql.DriverManager

def log = new File(basedir, 'build.log').text
assert log.contains('[ERROR] src/main/resources/db/undo/U2__users_email.sql:1: down of V2__users_email failed: ERROR: cannot drop column email of table users because other objects depend on it')
def name = (log =~ /Created scratch database (migration_rt_\d{14}_[a-z0-9]{6})/)[0][1]

// the scratch database must be gone although the build failed
def repo = new File(basedir, '../../local-repo/org/postgresql/postgresql')
def jar = repo.listFiles().collect { d -> d.listFiles().find { it.name.endsWith('.jar') } }.find { it != null }
def loader = new URLClassLoader([jar.toURI().toURL()] as URL[], this.class.classLoader)
def driver = loader.loadClass('org.postgresql.Driver').getDeclaredConstructor().newInstance()
def props = new Properties()
props.setProperty('user', 'postgres')
driver.connect('jdbc:postgresql://127.0.0.1:5432/test', props).withCloseable { c ->
    def rs = c.createStatement().executeQuery("SELECT count(*) FROM pg_database WHERE datname = '${name}'")
    rs.next()
    assert rs.getInt(1) == 0 : "scratch database ${name} was left behind"
}
return true
