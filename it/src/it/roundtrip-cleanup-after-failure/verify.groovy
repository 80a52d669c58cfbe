def log = new File(basedir, 'build.log').text
assert log.contains('[ERROR] src/main/resources/db/undo/U2__users_email.sql:1: down of V2__users_email failed: ERROR: cannot drop column email of table users because other objects depend on it')
def name = (log =~ /Created scratch database (migration_rt_\d{14}_[a-z0-9]{6})/)[0][1]

// the scratch database must be gone although the build failed
evaluate(new File(itShared, 'servers.groovy')).postgres { c ->
    def rs = c.createStatement().executeQuery("SELECT count(*) FROM pg_database WHERE datname = '${name}'")
    rs.next()
    assert rs.getInt(1) == 0 : "scratch database ${name} was left behind"
}
return true
