// Runs this case only when the PostgreSQL server answers, unless the build demands databases.
return evaluate(new File(itShared, 'servers.groovy')).selects('PostgreSQL', 5432)
