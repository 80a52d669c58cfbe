// A "production" MariaDB database: V1 and V2 applied, a row for 0.9 whose file is gone, and V1_5 not applied
// although it is older than V2 (out of order).
def history = evaluate(new File(itShared, 'history.groovy'))
def dir = new File(basedir, 'src/main/resources/db/migration')
def t = 'release_spine_plan_mariadb.flyway_schema_history'
evaluate(new File(itShared, 'servers.groovy')).mariadb { c ->
    def st = c.createStatement()
    st.execute('DROP DATABASE IF EXISTS release_spine_plan_mariadb')
    st.execute('CREATE DATABASE release_spine_plan_mariadb')
    st.execute('CREATE TABLE release_spine_plan_mariadb.customer (id INT PRIMARY KEY, name VARCHAR(200) NOT NULL)')
    st.execute('CREATE TABLE release_spine_plan_mariadb.orders (id INT PRIMARY KEY, customer_id INT NOT NULL'
            + ' REFERENCES customer (id))')
    st.execute("INSERT INTO release_spine_plan_mariadb.customer VALUES (1, 'ada'), (2, 'grace')")
    st.execute(history.createTable(t, false))
    st.execute(history.row(t, 1, '0.9', 'old seed', 'V0_9__old_seed.sql', 42, true))
    st.execute(history.row(t, 2, '1', 'create customer', 'V1__create_customer.sql',
            history.checksum(new File(dir, 'V1__create_customer.sql')), true))
    st.execute(history.row(t, 3, '2', 'create orders', 'V2__create_orders.sql',
            history.checksum(new File(dir, 'V2__create_orders.sql')), true))
}
return true
