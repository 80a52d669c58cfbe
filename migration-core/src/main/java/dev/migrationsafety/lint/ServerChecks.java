package dev.migrationsafety.lint;

import dev.migrationsafety.report.Finding;
import dev.migrationsafety.sql.Operation;
import dev.migrationsafety.sql.SqlStatement;
import java.util.List;
import java.util.Set;

/**
 * The checks of what reaches beyond the schema: programs and files of the database host, untrusted languages,
 * server configuration (critical), and roles and grants (reported for review, below the default threshold).
 */
final class ServerChecks {
    /** Privileges that let the grantee change data or objects. */
    private static final Set<String> WRITE_PRIVILEGES =
            Set.of("ALL", "INSERT", "UPDATE", "DELETE", "TRUNCATE", "CREATE", "TRIGGER", "REFERENCES", "ALTER", "DROP");

    private ServerChecks() {}

    static void check(SqlStatement s, Operation op, List<Finding> out) {
        if (op instanceof Operation.ServerSide a) {
            Check check =
                    switch (a.access()) {
                        case PROGRAM -> Check.SERVER_PROGRAM;
                        case FILE -> Check.SERVER_FILE;
                        case UNTRUSTED_CODE -> Check.UNTRUSTED_LANGUAGE;
                        case CONFIGURATION -> Check.ALTER_SYSTEM;
                    };
            OperationChecks.add(out, s, check, a.what());
        } else if (op instanceof Operation.ChangeRole r) {
            OperationChecks.add(out, s, Check.ROLE_CHANGE, r.what());
        } else if (op instanceof Operation.Grant g) {
            grant(s, g, out);
        }
    }

    private static void grant(SqlStatement s, Operation.Grant g, List<Finding> out) {
        String privileges = String.join(", ", g.privileges());
        String grantees = String.join(", ", g.grantees());
        if (g.target() == null) {
            OperationChecks.add(out, s, Check.ROLE_CHANGE, "grants membership of " + privileges + " to " + grantees);
            return;
        }
        boolean toPublic = g.grantees().stream().anyMatch(x -> x.equalsIgnoreCase("PUBLIC"));
        boolean writes = g.privileges().stream().anyMatch(WRITE_PRIVILEGES::contains);
        boolean all = g.privileges().contains("ALL");
        boolean everything =
                g.target().replace(" ", "").equals("*.*") && !g.privileges().equals(List.of("USAGE"));
        String what = "grants " + privileges + " on " + g.target() + " to " + grantees;
        if (toPublic && writes) {
            OperationChecks.add(out, s, Check.GRANT_TO_PUBLIC, what + ": every role on the server may write");
        } else if (all || everything) {
            OperationChecks.add(
                    out, s, Check.GRANT_ALL, what + (everything ? ", on every database of the server" : ""));
        }
    }
}
