package dev.migrationsafety.sql;

import dev.migrationsafety.sql.Operation.ConstraintKind;
import dev.migrationsafety.sql.Operation.ObjectKind;
import java.util.List;
import java.util.Set;

/** {@code ALTER ...} read from tokens; {@code ALTER TABLE} clause by clause, split at top-level commas. */
final class TokenAlter {
    /** ALTER TABLE clauses that keep every row and column and that no check looks at. */
    private static final Set<String> HARMLESS_CLAUSES = Set.of(
            "OWNER",
            "RESET",
            "ENABLE",
            "DISABLE",
            "FORCE",
            "NO",
            "CLUSTER",
            "INHERIT",
            "REPLICA",
            "ATTACH",
            "OF",
            "NOT",
            "ENGINE",
            "AUTO_INCREMENT",
            "DEFAULT",
            "CHARACTER",
            "CHARSET",
            "COLLATE",
            "COMMENT",
            "ALGORITHM",
            "LOCK",
            "CONVERT",
            "ORDER",
            "ROW_FORMAT",
            "KEY_BLOCK_SIZE",
            "STATS_PERSISTENT",
            "STATS_AUTO_RECALC",
            "STATS_SAMPLE_PAGES",
            "AVG_ROW_LENGTH",
            "CHECKSUM",
            "PACK_KEYS",
            "DELAY_KEY_WRITE",
            "MAX_ROWS",
            "MIN_ROWS",
            "TABLESPACE",
            "INSERT_METHOD",
            "PARTITION",
            "REMOVE",
            "COALESCE",
            "REORGANIZE",
            "ANALYZE",
            "OPTIMIZE",
            "REBUILD",
            "REPAIR",
            "WITH",
            "WITHOUT",
            "SECURITY",
            "SPLIT");

    private final TokenClassifier classifier;
    private final TokenElements elements;

    TokenAlter(TokenClassifier classifier) {
        this.classifier = classifier;
        this.elements = new TokenElements(classifier);
    }

    void alter(TokenCursor c, TokenOps out) {
        c.accept("ONLINE");
        c.accept("IGNORE");
        if (c.accept("TABLE")) {
            alterTable(c, out);
            return;
        }
        Tok kindTok = c.next();
        if (kindTok == null || kindTok.kind() != Tok.Kind.WORD) {
            out.unclear("ALTER without an object kind");
            return;
        }
        String kind = kindTok.upper();
        if (kind.equals("MATERIALIZED") && c.accept("VIEW")) {
            kind = "MATERIALIZED VIEW";
        } else if (kind.equals("EVENT") && c.accept("TRIGGER")) {
            kind = "EVENT TRIGGER";
        }
        switch (kind) {
            case "DEFAULT",
                    "ROLE",
                    "USER",
                    "GROUP",
                    "POLICY",
                    "PUBLICATION",
                    "SUBSCRIPTION",
                    "SYSTEM",
                    "SESSION",
                    "INDEX",
                    "STATISTICS",
                    "SERVER",
                    "LANGUAGE",
                    "OPERATOR",
                    "COLLATION",
                    "CONVERSION",
                    "TABLESPACE",
                    "RULE",
                    "AGGREGATE",
                    "ROUTINE",
                    "LARGE",
                    "TEXT",
                    "FOREIGN",
                    "EVENT" -> {
                // privileges, roles, index and other settings: no rows or columns at stake
            }
            default -> {
                c.accept("IF", "EXISTS");
                List<String> name = c.dottedName();
                if (name == null) {
                    out.unclear("ALTER " + kind + " without a name");
                    return;
                }
                c.skipParens();
                ObjectKind objectKind = TokenClassifier.kindOf(kind);
                TableName from = classifier.name(name);
                if (c.accept("RENAME", "TO")) {
                    List<String> to = c.dottedName();
                    if (to != null) {
                        out.add(new Operation.RenameObject(objectKind, from, sameSchema(from, classifier.name(to))));
                        return;
                    }
                }
                String action = TokenCursor.text(c.toks, c.pos, Math.min(c.end, c.pos + 3));
                out.add(new Operation.AlterObject(objectKind, from, action));
            }
        }
    }

    private void alterTable(TokenCursor c, TokenOps out) {
        c.accept("IF", "EXISTS");
        c.accept("ONLY");
        List<String> name = c.dottedName();
        if (name == null) {
            out.unclear("ALTER TABLE without a table name");
            return;
        }
        c.acceptSymbol("*");
        TableName table = classifier.name(name);
        List<int[]> clauses = TokenCursor.splitTopLevel(c.toks, c.pos, c.end);
        if (clauses.isEmpty()) {
            out.unclear("ALTER TABLE " + table + " without an action");
        }
        TokenAlterRows rows = new TokenAlterRows(classifier);
        rows.tableOptions(table, c.toks, c.pos, c.end, out);
        for (int[] clause : clauses) {
            if (rows.isPartitionOption(c.toks, clause[0], clause[1])) {
                rows.partitionOption(table, new TokenCursor(c.toks, clause[0], c.end), out);
                break; // the last option, its partition names separated by commas
            }
            clause(table, new TokenCursor(c.toks, clause[0], clause[1]), out);
        }
    }

    private void clause(TableName table, TokenCursor c, TokenOps out) {
        Tok first = c.next();
        if (first == null || first.kind() != Tok.Kind.WORD) {
            out.unclear("an ALTER TABLE clause starting with '" + (first == null ? "" : first.text()) + "'");
            return;
        }
        switch (first.upper()) {
            case "ADD" -> add(table, c, out);
            case "DROP" -> drop(table, c, out);
            case "ALTER" -> alterColumn(table, c, out);
            case "MODIFY" -> {
                c.accept("COLUMN");
                retype(table, null, c, out);
            }
            case "CHANGE" -> {
                c.accept("COLUMN");
                Tok old = c.next();
                if (old == null || !old.isName()) {
                    out.unclear("ALTER TABLE " + table + " CHANGE without a column");
                    return;
                }
                retype(table, classifier.ident(old), c, out);
            }
            case "RENAME" -> rename(table, c, out);
            case "VALIDATE" -> {
                c.accept("CONSTRAINT");
                Tok n = c.next();
                out.add(new Operation.ValidateConstraint(table, n == null ? null : classifier.ident(n)));
            }
            case "SET" -> {
                if (c.accept("SCHEMA")) {
                    Tok s = c.next();
                    if (s != null) {
                        out.add(new Operation.RenameTable(table, new TableName(classifier.ident(s), table.name())));
                    }
                }
            }
            case "TRUNCATE" -> out.add(new Operation.Truncate(List.of(table), false));
            case "DETACH" -> new TokenAlterRows(classifier).detach(table, c, out);
            default -> {
                if (!HARMLESS_CLAUSES.contains(first.upper())) {
                    out.unclear("ALTER TABLE " + table + " " + first.upper());
                }
            }
        }
    }

    private void add(TableName table, TokenCursor c, TokenOps out) {
        if (c.isSymbol("(")) { // MySQL ADD (col ..., CONSTRAINT ...)
            int open = c.pos;
            int close = c.matching(open);
            for (int[] part : TokenCursor.splitTopLevel(c.toks, open + 1, close)) {
                addElement(table, new TokenCursor(c.toks, part[0], part[1]), out);
            }
            return;
        }
        if (c.is("PARTITION")) {
            return;
        }
        addElement(table, c, out);
    }

    private void addElement(TableName table, TokenCursor c, TokenOps out) {
        if (TokenElements.isConstraint(c.toks, c.pos, c.end)) {
            if (c.is("INDEX") || c.is("KEY") || c.is("FULLTEXT") || c.is("SPATIAL")) {
                c.next();
                c.accept("INDEX");
                c.accept("KEY");
                String name =
                        c.peek() != null && c.peek().isName() && !c.is("USING") ? classifier.ident(c.next()) : null;
                out.add(new Operation.CreateIndex(table, name, elements.columns(c), false, false, false));
                return;
            }
            TokenElements.Constraint k = elements.constraint(c.toks, c.pos, c.end);
            if (k == null) {
                out.unclear(
                        "ALTER TABLE " + table + " ADD " + TokenCursor.text(c.toks, c.pos, Math.min(c.end, c.pos + 3)));
                return;
            }
            out.add(new Operation.AddConstraint(table, k.name(), k.kind(), k.columns(), k.foreignKey(), k.notValid()));
            if (k.kind() == ConstraintKind.NOT_NULL) {
                // PostgreSQL 18 ADD CONSTRAINT n NOT NULL c does what ALTER COLUMN c SET NOT NULL does
                k.columns().forEach(column -> out.add(new Operation.SetNotNull(table, column)));
            }
            return;
        }
        c.accept("COLUMN");
        c.accept("IF", "NOT", "EXISTS");
        ColumnDef column = elements.column(c.toks, c.pos, c.end);
        if (column == null) {
            out.unclear("ALTER TABLE " + table + " ADD that is neither a column nor a constraint");
            return;
        }
        out.add(new Operation.AddColumn(table, column));
    }

    private void drop(TableName table, TokenCursor c, TokenOps out) {
        boolean cascade = TokenCursor.topLevelWord(c.toks, c.pos, c.end, "CASCADE");
        if (c.accept("CONSTRAINT")) {
            boolean ifExists = c.accept("IF", "EXISTS");
            Tok n = c.next();
            out.add(new Operation.DropConstraint(
                    table, n == null ? null : classifier.ident(n), ConstraintKind.UNKNOWN, ifExists, cascade));
        } else if (c.accept("FOREIGN", "KEY")) {
            boolean ifExists = c.accept("IF", "EXISTS");
            Tok n = c.next();
            out.add(new Operation.DropConstraint(
                    table, n == null ? null : classifier.ident(n), ConstraintKind.FOREIGN_KEY, ifExists, cascade));
        } else if (c.accept("PRIMARY", "KEY")) {
            out.add(new Operation.DropConstraint(table, null, ConstraintKind.PRIMARY_KEY, false, cascade));
        } else if (c.accept("CHECK")) {
            Tok n = c.next();
            out.add(new Operation.DropConstraint(
                    table, n == null ? null : classifier.ident(n), ConstraintKind.CHECK, false, cascade));
        } else if (c.accept("INDEX") || c.accept("KEY")) {
            boolean ifExists = c.accept("IF", "EXISTS");
            Tok n = c.next();
            out.add(new Operation.DropIndex(table, n == null ? null : classifier.ident(n), false, ifExists, false));
        } else if (c.is("DEFAULT") || c.is("EXPRESSION")) {
            // nothing stored is lost
        } else {
            c.accept("COLUMN");
            boolean ifExists = c.accept("IF", "EXISTS");
            Tok n = c.next();
            if (n == null || !n.isName()) {
                out.unclear("ALTER TABLE " + table + " DROP without a column name");
                return;
            }
            out.add(new Operation.DropColumn(table, classifier.ident(n), cascade));
        }
    }

    private void alterColumn(TableName table, TokenCursor c, TokenOps out) {
        if (c.is("CONSTRAINT") || c.is("INDEX")) {
            return; // deferrability, visibility
        }
        c.accept("COLUMN");
        Tok n = c.next();
        if (n == null || !n.isName()) {
            out.unclear("ALTER TABLE " + table + " ALTER without a column name");
            return;
        }
        String column = classifier.ident(n);
        if (c.accept("TYPE") || c.accept("SET", "DATA", "TYPE")) {
            int start = c.pos;
            while (!c.atEnd() && !c.is("USING") && !c.is("COLLATE")) {
                c.next();
            }
            String type = ColumnSpecs.typeText(TokenCursor.text(c.toks, start, c.pos));
            int using = TokenCursor.indexOfTopLevel(c.toks, c.pos, c.end, "USING");
            out.add(new Operation.ChangeColumnType(
                    table, column, type, using >= 0, using < 0 ? null : TokenCursor.text(c.toks, using + 1, c.end)));
        } else if (c.accept("SET", "NOT", "NULL")) {
            out.add(new Operation.SetNotNull(table, column));
        } else if (c.accept("DROP", "NOT", "NULL")) {
            out.add(new Operation.DropNotNull(table, column));
        } else if (c.accept("SET", "DEFAULT")) {
            out.add(new Operation.SetDefault(table, column));
        } else if (c.accept("DROP", "DEFAULT")) {
            out.add(new Operation.DropDefault(table, column));
        } else if (c.accept("SET", "NULL")) { // H2
            out.add(new Operation.DropNotNull(table, column));
        } else if (c.accept("RENAME", "TO")) { // H2
            Tok to = c.next();
            if (to == null || !to.isName()) {
                out.unclear("ALTER TABLE " + table + " ALTER COLUMN " + column + " RENAME without a new name");
                return;
            }
            out.add(new Operation.RenameColumn(table, column, classifier.ident(to)));
        } else if (!c.atEnd()
                && c.peek().kind() == Tok.Kind.WORD
                && !c.is("SET")
                && !c.is("RESET")
                && !c.is("ADD")
                && !c.is("DROP")
                && !c.is("RESTART")
                && !c.is("OPTIONS")
                && !c.is("SELECTIVITY")) {
            // H2 and generic: ALTER COLUMN c <new definition>
            c.pos--;
            retype(table, null, c, out);
        } else if (!(c.is("SET") || c.is("RESET") || c.is("ADD") || c.is("DROP") || c.is("RESTART"))) {
            out.unclear("ALTER TABLE " + table + " ALTER COLUMN " + column + " "
                    + TokenCursor.text(c.toks, c.pos, Math.min(c.end, c.pos + 2)));
        }
    }

    /** MySQL MODIFY / CHANGE: a full column definition replaces the old one. */
    private void retype(TableName table, String oldName, TokenCursor c, TokenOps out) {
        ColumnDef column = elements.column(c.toks, c.pos, c.end);
        if (column == null) {
            out.unclear("ALTER TABLE " + table + " MODIFY/CHANGE without a column definition");
            return;
        }
        if (oldName != null && !oldName.equals(column.name())) {
            out.add(new Operation.RenameColumn(table, oldName, column.name()));
        }
        out.add(new Operation.ChangeColumnType(table, column.name(), column.type(), false));
        if (column.notNull()) {
            out.add(new Operation.SetNotNull(table, column.name()));
        }
    }

    private void rename(TableName table, TokenCursor c, TokenOps out) {
        if (c.accept("CONSTRAINT") || c.accept("INDEX") || c.accept("KEY")) {
            return; // names of constraints and indexes: nothing stored changes
        }
        if (c.accept("TO") || c.accept("AS") || (c.peek() != null && c.peek(1) == null)) {
            List<String> to = c.dottedName();
            if (to != null) {
                out.add(new Operation.RenameTable(table, sameSchema(table, classifier.name(to))));
                return;
            }
        }
        c.accept("COLUMN");
        Tok from = c.next();
        if (from != null && from.isName() && c.accept("TO")) {
            Tok to = c.next();
            if (to != null && to.isName()) {
                out.add(new Operation.RenameColumn(table, classifier.ident(from), classifier.ident(to)));
                return;
            }
        }
        out.unclear("ALTER TABLE " + table + " RENAME that is not 'a TO b'");
    }

    private static TableName sameSchema(TableName from, TableName to) {
        return to.schema() == null && from.schema() != null ? new TableName(from.schema(), to.name()) : to;
    }
}
