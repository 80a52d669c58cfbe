// A PostgreSQL account that may create databases and roles (what the round trip's sandbox needs) but is no
// superuser, so it may not create event triggers.
evaluate(new File(itShared, 'servers.groovy')).postgres { c ->
    c.createStatement().execute("DO \$\$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname ="
            + " 'migration_rt_createrole') THEN CREATE ROLE migration_rt_createrole LOGIN CREATEDB CREATEROLE"
            + " NOSUPERUSER; END IF; END \$\$")
}
return true
