// Runs this case only when the MariaDB server answers, unless the build demands databases.
return evaluate(new File(itShared, 'servers.groovy')).selects('MariaDB', 3306)
