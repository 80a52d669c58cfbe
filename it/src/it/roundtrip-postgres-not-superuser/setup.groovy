// A PostgreSQL account that may create databases but is no superuser, so it may not create event triggers.
def repo = new File(basedir, '../../local-repo/org/postgresql/postgresql')
def jar = repo.listFiles().collect { d -> d.listFiles().find { it.name.endsWith('.jar') } }.find { it != null }
def loader = new URLClassLoader([jar.toURI().toURL()] as URL[], this.class.classLoader)
def driver = loader.loadClass('org.postgresql.Driver').getDeclaredConstructor().newInstance()
def props = new Properties()
props.setProperty('user', 'postgres')
driver.connect('jdbc:postgresql://127.0.0.1:5432/test', props).withCloseable { c ->
    c.createStatement().execute("DO \$\$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname ="
            + " 'migration_rt_createdb') THEN CREATE ROLE migration_rt_createdb LOGIN CREATEDB NOSUPERUSER; END IF;"
            + " END \$\$")
}
return true
