// What the release-goal cases share to seed a "production" database: Flyway's history table as Flyway 13 creates
// it, and Flyway's checksum of a migration's text (CRC32 over its lines without line endings). A case's script gets
// it with
//     def history = evaluate(new File(itShared, 'history.groovy'))

import java.util.zip.CRC32

class History {
    /** Flyway's checksum of a migration's text. */
    int checksum(String text) {
        def crc = new CRC32()
        text.readLines().each { crc.update(it.getBytes('UTF-8')) }
        return (int) crc.value
    }

    int checksum(File file) {
        checksum(file.getText('UTF-8'))
    }

    /** Flyway's history table in the schema, in the dialect's types. */
    String createTable(String qualified, boolean postgres) {
        "CREATE TABLE ${qualified} (installed_rank INT NOT NULL PRIMARY KEY, version VARCHAR(50)," +
                " description VARCHAR(200) NOT NULL, type VARCHAR(20) NOT NULL, script VARCHAR(1000) NOT NULL," +
                " checksum INT, installed_by VARCHAR(100) NOT NULL," +
                " installed_on TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP, execution_time INT NOT NULL," +
                " success ${postgres ? 'BOOLEAN' : 'TINYINT(1)'} NOT NULL)"
    }

    /** One row: rank, version, description, script, checksum, success. */
    String row(String qualified, int rank, String version, String description, String script, Integer checksum,
            boolean success) {
        "INSERT INTO ${qualified} (installed_rank, version, description, type, script, checksum, installed_by," +
                " execution_time, success) VALUES (${rank}, '${version}', '${description}', 'SQL', '${script}'," +
                " ${checksum}, 'deployer', 7, ${success ? 1 : 0} = 1)"
    }
}

new History()
