package dev.migrationsafety.release.impact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.migrationsafety.sql.Dialect;
import dev.migrationsafety.sql.Operation;
import dev.migrationsafety.sql.SqlStatement;
import dev.migrationsafety.sql.TableName;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The parts of the data impact that need no database: thresholds, sizes, lock table, plan JSON, SELECT rewrite. */
class ImpactPartsTest {

    @Test
    void thresholdsGrowAndSayWhatIsWrong() {
        ImpactThresholds d = ImpactThresholds.defaults();
        assertEquals(ImpactLevel.FINE, d.levelOf(1_000));
        assertEquals(ImpactLevel.REVIEW, d.levelOf(1_001));
        assertEquals(ImpactLevel.BACKUP, d.levelOf(10_001));
        assertEquals(ImpactLevel.SPLIT, d.levelOf(100_001));
        assertEquals(
                "above 10,000 rows: have a backup (or a copy of the rows) before the deploy",
                d.advice(ImpactLevel.BACKUP));
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class, () -> new ImpactThresholds(1_000, 500, 100_000, 10, false));
        assertEquals(
                "impact thresholds must grow: fine up to 1000 <= backup above 500 <= split above 100000; set them in"
                        + " that order (defaults 1000, 10000, 100000)",
                e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new ImpactThresholds(1, 2, 3, 0, false));
        assertTrue(ImpactLevel.SPLIT.atLeast(ImpactLevel.BACKUP));
        assertTrue(!ImpactLevel.NOT_ASSESSED.atLeast(ImpactLevel.NOT_ASSESSED));
    }

    @Test
    void sizesReadLikePgSizePretty() {
        assertEquals("512 bytes", Impact.size(512));
        assertEquals("8 kB", Impact.size(8_192));
        assertEquals("96 kB", Impact.size(98_304));
        assertEquals("48 MB", Impact.size(48L * 1024 * 1024));
        assertEquals("120,000", Impact.count(120_000));
    }

    @Test
    void postgresLockModesPerOperation() {
        TableName t = TableName.of("t");
        assertEquals(
                "SHARE",
                TableLock.of(new Operation.CreateIndex(t, "i", List.of("a"), false, false, false), Dialect.POSTGRESQL)
                        .mode());
        assertEquals(
                "SHARE UPDATE EXCLUSIVE",
                TableLock.of(new Operation.CreateIndex(t, "i", List.of("a"), false, true, false), Dialect.POSTGRESQL)
                        .mode());
        assertEquals(
                "SHARE UPDATE EXCLUSIVE",
                TableLock.of(new Operation.ValidateConstraint(t, "c"), Dialect.POSTGRESQL)
                        .mode());
        assertEquals(
                "ACCESS EXCLUSIVE",
                TableLock.of(new Operation.DropColumn(t, "c", false), Dialect.POSTGRESQL)
                        .mode());
        assertEquals(
                "ROW EXCLUSIVE",
                TableLock.of(new Operation.Delete(t, true), Dialect.POSTGRESQL).mode());
        assertEquals(
                "EXCLUSIVE METADATA",
                TableLock.of(new Operation.DropColumn(t, "c", false), Dialect.MYSQL)
                        .mode());
        assertNull(TableLock.of(new Operation.DropColumn(t, "c", false), Dialect.H2));
    }

    @Test
    void planJsonReadsNestedPlans() {
        Object plan =
                PlanJson.parse("[{\"Plan\": {\"Node Type\": \"ModifyTable\", \"Plan Rows\": 0, \"x\": [true, null,"
                        + " -1.5e2, \"a\\\"b\\u00e9\"], \"Plans\": [{\"Plan Rows\": 150}]}}]");
        Map<?, ?> top = (Map<?, ?>) ((Map<?, ?>) ((List<?>) plan).get(0)).get("Plan");
        assertEquals(
                List.of(true, -150.0, "a\"bé"),
                ((List<?>) top.get("x")).stream().filter(v -> v != null).toList());
        assertEquals(150.0, ((Map<?, ?>) ((List<?>) top.get("Plans")).get(0)).get("Plan Rows"));
        assertThrows(IllegalArgumentException.class, () -> PlanJson.parse("{\"a\": }"));
    }

    @Test
    void mysqlWritesBecomeTheSelectOfTheirRows() {
        assertEquals(
                "SELECT 1 FROM orders WHERE k < 10", select("DELETE FROM orders WHERE k < 10 ORDER BY id LIMIT 5"));
        assertEquals(
                "SELECT 1 FROM orders o JOIN users u ON u.id = o.user_id WHERE u.gone = 1",
                select(
                        "UPDATE LOW_PRIORITY orders o JOIN users u ON u.id = o.user_id SET o.x = (SELECT 1) WHERE u.gone = 1"));
        assertEquals(
                "SELECT 1 FROM t1 JOIN t2 ON t1.id = t2.id WHERE t2.x IN (SELECT y FROM z WHERE w = 1)",
                select("DELETE t1 FROM t1 JOIN t2 ON t1.id = t2.id WHERE t2.x IN (SELECT y FROM z WHERE w = 1)"));
        assertNull(select("DELETE FROM t1 USING t1 JOIN t2 WHERE t1.id = t2.id"));
        assertEquals(5L, MySqlSelect.limit(tokens("DELETE FROM t WHERE a = 1 LIMIT 5")));
    }

    private static String select(String sql) {
        return MySqlSelect.of(sql, tokens(sql));
    }

    private static List<dev.migrationsafety.sql.Token> tokens(String sql) {
        return new SqlStatement("x.sql", 1, 1, sql, Dialect.MYSQL, 0, List.of()).significantTokens();
    }
}
