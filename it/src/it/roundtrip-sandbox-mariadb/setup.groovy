// The victim the down scripts attack: a database and a user with a password, made by this case (and kept for the
// next run), and the file SELECT ... INTO OUTFILE would write. The password hash is kept to compare afterwards.
evaluate(new File(itShared, 'servers.groovy')).mariadb { c ->
    def st = c.createStatement()
    st.execute("CREATE DATABASE IF NOT EXISTS migration_it_sbx_victim")
    st.execute("CREATE USER IF NOT EXISTS 'migration_it_sbx_victim'@'%' IDENTIFIED BY 'victim-password'")
    def rs = st.executeQuery("SELECT authentication_string FROM mysql.user WHERE User = 'migration_it_sbx_victim'")
    rs.next()
    new File(basedir, 'victim-hash.txt').text = rs.getString(1)
}
new File('/tmp/migration_it_sbx_outfile').delete()
return true
