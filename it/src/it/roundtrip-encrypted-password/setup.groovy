// A MariaDB account with a password, so that only the decrypted password connects (the root account of the test
// server has none, and would accept any). Its password is the one encrypted in global-settings.xml.
def repo = new File(basedir, '../../local-repo/org/mariadb/jdbc/mariadb-java-client')
def jar = repo.listFiles().collect { d -> d.listFiles().find { it.name.endsWith('.jar') } }.find { it != null }
def loader = new URLClassLoader([jar.toURI().toURL()] as URL[], this.class.classLoader)
def driver = loader.loadClass('org.mariadb.jdbc.Driver').getDeclaredConstructor().newInstance()
def props = new Properties()
props.setProperty('user', 'root')
driver.connect('jdbc:mariadb://127.0.0.1:3306/', props).withCloseable { c ->
    def st = c.createStatement()
    st.execute("CREATE USER IF NOT EXISTS 'migration_it_secret'@'%' IDENTIFIED BY 'Sesame-4b8e2d-never-logged'")
    st.execute("ALTER USER 'migration_it_secret'@'%' IDENTIFIED BY 'Sesame-4b8e2d-never-logged'")
    st.execute("GRANT ALL PRIVILEGES ON `migration\\_rt\\_%`.* TO 'migration_it_secret'@'%'")
}
return true
