// A "production" schema: V1 and V2 applied (V1's file edited since), a failed row for 2.1, rows in the tables.
def history = evaluate(new File(itShared, 'history.groovy'))
def dir = new File(basedir, 'src/main/resources/db/migration')
def t = 'release_spine_plan_pg.flyway_schema_history'
evaluate(new File(itShared, 'servers.groovy')).postgres { c ->
    def st = c.createStatement()
    st.execute('DROP SCHEMA IF EXISTS release_spine_plan_pg CASCADE')
    st.execute('CREATE SCHEMA release_spine_plan_pg')
    st.execute('CREATE TABLE release_spine_plan_pg.customer (id INT PRIMARY KEY, name VARCHAR(100) NOT NULL)')
    st.execute('CREATE TABLE release_spine_plan_pg.orders (id INT PRIMARY KEY, customer_id INT NOT NULL'
            + ' REFERENCES release_spine_plan_pg.customer (id))')
    st.execute("INSERT INTO release_spine_plan_pg.customer VALUES (1, 'ada'), (2, 'grace')")
    st.execute(history.createTable(t, true))
    // V1 as it was applied: VARCHAR(100); the file says 200 now
    int applied = history.checksum('CREATE TABLE customer (id INT PRIMARY KEY, name VARCHAR(100) NOT NULL);\n')
    st.execute(history.row(t, 1, '1', 'create customer', 'V1__create_customer.sql', applied, true))
    st.execute(history.row(t, 2, '2', 'create orders', 'V2__create_orders.sql',
            history.checksum(new File(dir, 'V2__create_orders.sql')), true))
    st.execute(history.row(t, 3, '2.1', 'half done', 'V2_1__half_done.sql',
            history.checksum(new File(dir, 'V2_1__half_done.sql')), false))
}
return true
