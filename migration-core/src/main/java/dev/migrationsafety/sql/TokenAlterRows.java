package dev.migrationsafety.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The {@code ALTER TABLE} forms that take rows out of a table while the table stays, read from tokens: MySQL
 * partition maintenance ({@code DROP PARTITION}, {@code TRUNCATE PARTITION}, {@code DISCARD ... TABLESPACE}), the
 * {@code BLACKHOLE} and {@code MEMORY} engines, and PostgreSQL {@code DETACH PARTITION} and {@code SET UNLOGGED}. MySQL allows one partition option per
 * statement, last, and separates its partition names with commas: from its first word to the end of the statement
 * it is one clause, not several.
 */
final class TokenAlterRows {
    /** MySQL partition options whose rows all stay where they are (or the statement fails). */
    private static final Set<String> KEEPING_ROWS =
            Set.of("ANALYZE", "CHECK", "OPTIMIZE", "REBUILD", "REPAIR", "REORGANIZE", "COALESCE", "IMPORT");

    private final TokenClassifier classifier;

    TokenAlterRows(TokenClassifier classifier) {
        this.classifier = classifier;
    }

    /**
     * Whether the clause at {@code from} is a MySQL partition option ({@code DROP PARTITION p1, p2}, {@code
     * TRUNCATE PARTITION ALL}, {@code DISCARD TABLESPACE}, ...), which runs to the end of the statement. PostgreSQL
     * and H2 have none: there {@code DROP partition} drops a column of that name.
     */
    boolean isPartitionOption(List<Tok> toks, int from, int to) {
        if (classifier.dialect == Dialect.POSTGRESQL || classifier.dialect == Dialect.H2 || from + 1 >= to) {
            return false;
        }
        Tok first = toks.get(from);
        Tok second = toks.get(from + 1);
        if (second.is("TABLESPACE")) {
            return first.is("DISCARD") || first.is("IMPORT");
        }
        return second.is("PARTITION")
                && (first.is("DROP")
                        || first.is("TRUNCATE")
                        || first.is("DISCARD")
                        || first.is("EXCHANGE")
                        || KEEPING_ROWS.contains(first.upper()));
    }

    /** A partition option from its first word to the end of the statement. */
    void partitionOption(TableName table, TokenCursor c, TokenOps out) {
        Tok first = c.next();
        if (c.accept("TABLESPACE")) {
            if (first.is("DISCARD")) {
                out.add(new Operation.DiscardRows(table, "DISCARD TABLESPACE"));
            }
            return;
        }
        c.accept("PARTITION");
        List<String> partitions = names(c);
        String word = first.upper();
        switch (word) {
            case "DROP" -> out.add(new Operation.DropPartition(table, partitions, false));
            case "TRUNCATE" -> out.add(new Operation.DropPartition(table, partitions, true));
            case "DISCARD" ->
                out.add(new Operation.DiscardRows(
                        table, "DISCARD PARTITION " + String.join(", ", partitions) + " TABLESPACE"));
            default -> {
                if (!KEEPING_ROWS.contains(word)) {
                    // EXCHANGE PARTITION swaps rows with another table: neither reader follows that
                    out.unclear("ALTER TABLE " + table + " " + word + " PARTITION");
                }
            }
        }
        if (partitions.isEmpty() && !word.equals("COALESCE")) {
            out.unclear("ALTER TABLE " + table + " " + word + " PARTITION without partition names");
        }
    }

    /** PostgreSQL {@code DETACH PARTITION p [CONCURRENTLY | FINALIZE]}; after the word DETACH. */
    void detach(TableName table, TokenCursor c, TokenOps out) {
        if (!c.accept("PARTITION")) {
            return; // H2 and others have no DETACH that moves rows
        }
        List<String> partition = c.dottedName();
        if (partition == null) {
            out.unclear("ALTER TABLE " + table + " DETACH PARTITION without a partition name");
            return;
        }
        out.add(new Operation.DetachPartition(table, classifier.name(partition)));
    }

    /**
     * The table options of {@code [from, to)} that lose rows, wherever they stand (MySQL table options need no commas
     * between them): {@code ENGINE [=] BLACKHOLE} keeps none, {@code ENGINE [=] MEMORY} none after a restart, and
     * PostgreSQL {@code SET UNLOGGED} none after a crash.
     */
    void tableOptions(TableName table, List<Tok> toks, int from, int to, TokenOps out) {
        int depth = 0;
        for (int i = from; i + 1 < to; i++) {
            Tok t = toks.get(i);
            if (t.isSymbol("(")) {
                depth++;
            } else if (t.isSymbol(")")) {
                depth--;
            } else if (depth == 0 && t.is("ENGINE")) {
                int v = toks.get(i + 1).isSymbol("=") ? i + 2 : i + 1;
                String engine = v < to ? toks.get(v).literalBody().toUpperCase(Locale.ROOT) : "";
                if (engine.equals("BLACKHOLE")) {
                    out.add(new Operation.DiscardRows(table, "ENGINE=BLACKHOLE"));
                } else if (engine.equals("MEMORY") || engine.equals("HEAP")) {
                    out.add(new Operation.UnloggedTable(table, "ENGINE=" + engine));
                }
            } else if (depth == 0 && t.is("SET") && toks.get(i + 1).is("UNLOGGED")) {
                out.add(new Operation.UnloggedTable(table, "SET UNLOGGED"));
            }
        }
    }

    /** {@code p1, p2} or {@code ALL}, as written; up to the first word that is not a name list. */
    private List<String> names(TokenCursor c) {
        List<String> names = new ArrayList<>();
        while (!c.atEnd() && c.peek().isName() && !c.is("INTO") && !c.is("WITH") && !c.is("TABLESPACE")) {
            Tok t = c.next();
            names.add(t.is("ALL") ? "ALL" : classifier.ident(t));
            if (!c.acceptSymbol(",")) {
                break;
            }
        }
        return names;
    }
}
