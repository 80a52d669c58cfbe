// A "production" schema after a finished deploy: V1, V2 and V4 applied with the files' checksums.
def history = evaluate(new File(itShared, 'history.groovy'))
def dir = new File(basedir, 'src/main/resources/db/migration')
def t = 'release_spine_verify_pg.flyway_schema_history'
evaluate(new File(itShared, 'servers.groovy')).postgres { c ->
    def st = c.createStatement()
    st.execute('DROP SCHEMA IF EXISTS release_spine_verify_pg CASCADE')
    st.execute('CREATE SCHEMA release_spine_verify_pg')
    st.execute('CREATE TABLE release_spine_verify_pg.customer (id INT PRIMARY KEY, name VARCHAR(200) NOT NULL)')
    st.execute("INSERT INTO release_spine_verify_pg.customer VALUES (1, 'ada')")
    st.execute(history.createTable(t, true))
    [[1, '1', 'create customer', 'V1__create_customer.sql'], [2, '2', 'create orders', 'V2__create_orders.sql'],
     [3, '4', 'index orders', 'V4__index_orders.sql']].each { rank, version, description, script ->
        st.execute(history.row(t, rank, version, description, script, history.checksum(new File(dir, script)), true))
    }
}
return true
