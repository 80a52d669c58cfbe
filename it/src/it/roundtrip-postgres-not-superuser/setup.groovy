// A PostgreSQL account that may create databases but is no superuser, so it may not create event triggers.
evaluate(new File(itShared, 'servers.groovy')).postgres { c ->
    c.createStatement().execute("DO \$\$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname ="
            + " 'migration_rt_createdb') THEN CREATE ROLE migration_rt_createdb LOGIN CREATEDB NOSUPERUSER; END IF;"
            + " END \$\$")
}
return true
