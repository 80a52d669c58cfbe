// Down scripts that attack the server: each fails with MariaDB's permission error at its file and line, and the
// server is unchanged afterwards (the victim database, the victim's password, no new user, no file written).
def log = new File(basedir, 'build.log').text.replaceAll(/'mrt_\d{14}_[a-z0-9]{6}'@'[^']*'/, "'<sandbox>'")
def undo = 'src/main/resources/db/undo'
assert log =~ /\[INFO\] The migrations run there as mrt_\d{14}_[a-z0-9]{6}, a user made for this run that may act only inside it \(the sandbox\); it is dropped at the end too/
[
    "${undo}/U1__drop_other_database.sql:1: down of V1__drop_other_database failed: Access denied for user '<sandbox>' to database 'migration_it_sbx_victim' [statement: DROP DATABASE migration_it_sbx_victim]",
    "${undo}/U2__into_outfile.sql:1: down of V2__into_outfile failed: Access denied; you need (at least one of) the FILE privilege(s) for this operation [statement: SELECT 1 INTO OUTFILE '/tmp/migration_it_sbx_outfile']",
    "${undo}/U3__alter_other_user.sql:1: down of V3__alter_other_user failed: Access denied; you need (at least one of) the CREATE USER privilege(s) for this operation [statement: ALTER USER 'migration_it_sbx_victim'@'%' IDENTIFIED BY 'pwned']",
    "${undo}/U4__create_user.sql:1: down of V4__create_user failed: Access denied; you need (at least one of) the CREATE USER privilege(s) for this operation [statement: CREATE USER 'migration_it_sbx_evil'@'%' IDENTIFIED BY 'pwned']",
    "${undo}/U5__read_mysql_user.sql:1: down of V5__read_mysql_user failed: SELECT command denied to user '<sandbox>' for table `mysql`.`user` [statement: SELECT User, authentication_string FROM mysql.user]",
].each { line -> assert log.contains("[ERROR] ${line}") : line }
assert log.contains('0 passed, 0 with warnings, 5 failed')
assert log.contains('BUILD FAILURE')

def scratches = (log =~ /Created scratch database (migration_rt_\d{14}_[a-z0-9]{6})/).collect { it[1] }
assert scratches.size() >= 5 : 'each failed down rebuilds the scratch database, with a new sandbox user'
evaluate(new File(itShared, 'servers.groovy')).mariadb { c ->
    def one = { String sql -> def rs = c.createStatement().executeQuery(sql); rs.next(); rs.getString(1) }
    assert one("SELECT count(*) FROM information_schema.SCHEMATA WHERE SCHEMA_NAME = 'migration_it_sbx_victim'") == '1'
    assert one("SELECT authentication_string FROM mysql.user WHERE User = 'migration_it_sbx_victim'") ==
            new File(basedir, 'victim-hash.txt').text
    assert one("SELECT count(*) FROM mysql.user WHERE User = 'migration_it_sbx_evil'") == '0'
    scratches.each { s ->
        assert one("SELECT count(*) FROM information_schema.SCHEMATA WHERE SCHEMA_NAME = '${s}'") == '0' : s
        assert one("SELECT count(*) FROM mysql.user WHERE User = 'mrt_${s.substring('migration_rt_'.length())}'") == '0' : s
    }
}
assert !new File('/tmp/migration_it_sbx_outfile').exists() : 'INTO OUTFILE wrote a file'
return true
