// Down scripts that attack the server: each fails with PostgreSQL's permission error at its file and line, and the
// server is unchanged afterwards (the victim database, the victim's password, no superuser role, no file written).
def log = new File(basedir, 'build.log').text
def undo = 'src/main/resources/db/undo'
assert log =~ /\[INFO\] The migrations run there as migration_rt_\d{14}_[a-z0-9]{6}, a role made for this run that may act only inside it \(the sandbox\); it is dropped at the end too/
[
    "${undo}/U1__drop_other_database.sql:1: down of V1__drop_other_database failed: ERROR: must be owner of database migration_it_sbx_victim [statement: DROP DATABASE migration_it_sbx_victim]",
    "${undo}/U2__copy_to_program.sql:1: down of V2__copy_to_program failed: ERROR: must be superuser or have privileges of the pg_execute_server_program role to COPY to or from an external program Hint: Anyone can COPY to stdout or from stdin. psql's \\copy command also works for anyone. [statement: COPY (SELECT 1) TO PROGRAM 'touch /tmp/migration_it_sbx_marker']",
    "${undo}/U3__alter_other_role.sql:1: down of V3__alter_other_role failed: ERROR: permission denied [statement: ALTER ROLE migration_it_sbx_victim PASSWORD 'pwned']",
    "${undo}/U4__create_superuser.sql:1: down of V4__create_superuser failed: ERROR: must be superuser to create superusers [statement: CREATE ROLE migration_it_sbx_evil SUPERUSER LOGIN PASSWORD 'pwned']",
    "${undo}/U5__read_pg_authid.sql:1: down of V5__read_pg_authid failed: ERROR: permission denied for table pg_authid [statement: SELECT rolname, rolpassword FROM pg_authid]",
    "${undo}/U6__reset_role.sql:2: down of V6__reset_role failed: ERROR: permission denied to set role \"postgres\" [statement: SET ROLE postgres]",
].each { line -> assert log.contains("[ERROR] ${line}") : line }
assert log.contains('0 passed, 0 with warnings, 6 failed')
assert log.contains('BUILD FAILURE')

def scratch = (log =~ /Created scratch database (migration_rt_\d{14}_[a-z0-9]{6})/)[0][1]
evaluate(new File(itShared, 'servers.groovy')).postgres { c ->
    def one = { String sql -> def rs = c.createStatement().executeQuery(sql); rs.next(); rs.getString(1) }
    assert one("SELECT count(*) FROM pg_database WHERE datname = 'migration_it_sbx_victim'") == '1'
    assert one("SELECT rolpassword FROM pg_authid WHERE rolname = 'migration_it_sbx_victim'") ==
            new File(basedir, 'victim-hash.txt').text
    assert one("SELECT count(*) FROM pg_roles WHERE rolname = 'migration_it_sbx_evil'") == '0'
    assert one("SELECT count(*) FROM pg_database WHERE datname = '${scratch}'") == '0' : "scratch database left"
    assert one("SELECT count(*) FROM pg_roles WHERE rolname = '${scratch}'") == '0' : "sandbox role left"
}
assert !new File('/tmp/migration_it_sbx_marker').exists() : 'COPY ... TO PROGRAM ran a command'
return true
