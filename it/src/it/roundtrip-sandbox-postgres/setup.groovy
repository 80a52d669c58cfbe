// The victim the down scripts attack: a database and a role with a password, made by this case (and kept for the
// next run), and the place COPY ... TO PROGRAM would write to. Its password hash is kept to compare afterwards.
evaluate(new File(itShared, 'servers.groovy')).postgres { c ->
    def st = c.createStatement()
    def rs = st.executeQuery("SELECT count(*) FROM pg_database WHERE datname = 'migration_it_sbx_victim'")
    rs.next()
    if (rs.getInt(1) == 0) {
        st.execute("CREATE DATABASE migration_it_sbx_victim")
    }
    st.execute("DO \$\$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'migration_it_sbx_victim') THEN"
            + " CREATE ROLE migration_it_sbx_victim LOGIN PASSWORD 'victim-password'; END IF; END \$\$")
    rs = st.executeQuery("SELECT rolpassword FROM pg_authid WHERE rolname = 'migration_it_sbx_victim'")
    rs.next()
    new File(basedir, 'victim-hash.txt').text = rs.getString(1)
}
new File('/tmp/migration_it_sbx_marker').delete()
return true
