// A MariaDB account with a password, so that only the decrypted password connects (the root account of the test
// server has none, and would accept any). Its password is the one encrypted in global-settings.xml.
evaluate(new File(itShared, 'servers.groovy')).mariadb { c ->
    def st = c.createStatement()
    st.execute("CREATE USER IF NOT EXISTS 'migration_it_secret'@'%' IDENTIFIED BY 'Sesame-4b8e2d-never-logged'")
    st.execute("ALTER USER 'migration_it_secret'@'%' IDENTIFIED BY 'Sesame-4b8e2d-never-logged'")
    // what the round trip's sandbox needs: its scratch databases with the right to pass their rights on to the
    // throwaway user it creates for each, and CREATE USER to create and drop that user
    st.execute("GRANT ALL PRIVILEGES ON `migration\\_rt\\_%`.* TO 'migration_it_secret'@'%' WITH GRANT OPTION")
    st.execute("GRANT CREATE USER ON *.* TO 'migration_it_secret'@'%'")
}
return true
