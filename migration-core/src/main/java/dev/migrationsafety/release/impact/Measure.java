package dev.migrationsafety.release.impact;

import dev.migrationsafety.report.Finding;
import java.util.List;

/** What was measured about one operation, shared by every finding on it. */
record Measure(
        String operation,
        Long tableRows,
        Long tableBytes,
        Long affectedRows,
        String detail,
        TableLock lock,
        ImpactLevel level,
        String advice,
        List<String> notes) {

    static Measure notAssessed(String why) {
        return new Measure("not assessed", null, null, null, null, null, ImpactLevel.NOT_ASSESSED, "", List.of(why));
    }

    Impact impact(DataImpact.Located l, String rule, Finding finding) {
        return new Impact(
                l.path(),
                l.line(),
                rule,
                finding,
                l.table(),
                operation,
                tableRows,
                tableBytes,
                affectedRows,
                detail,
                lock,
                level,
                advice,
                notes);
    }
}
