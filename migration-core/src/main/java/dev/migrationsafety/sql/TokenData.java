package dev.migrationsafety.sql;

import java.util.ArrayList;
import java.util.List;

/** Statements that change rows, read from tokens: {@code TRUNCATE}, {@code DELETE}, {@code UPDATE}, inserts, {@code MERGE}. */
final class TokenData {
    private final TokenClassifier classifier;

    TokenData(TokenClassifier classifier) {
        this.classifier = classifier;
    }

    void truncate(TokenCursor c, TokenOps out) {
        c.accept("TABLE");
        List<TableName> tables = new ArrayList<>();
        while (!c.atEnd()) {
            c.accept("ONLY");
            List<String> parts = c.dottedName();
            if (parts == null) {
                break;
            }
            tables.add(classifier.name(parts));
            c.acceptSymbol("*");
            if (!c.acceptSymbol(",")) {
                break;
            }
        }
        boolean cascade = TokenCursor.topLevelWord(c.toks, c.pos, c.end, "CASCADE");
        if (tables.isEmpty()) {
            out.unclear("TRUNCATE without a table name");
        } else {
            out.add(new Operation.Truncate(tables, cascade));
        }
    }

    void delete(TokenCursor c, TokenOps out) {
        int start = c.pos;
        while (c.accept("LOW_PRIORITY") || c.accept("QUICK") || c.accept("IGNORE")) {
            // MySQL modifiers
        }
        if (!c.is("FROM")) {
            // MySQL DELETE t1 [, t2] FROM t1 JOIN ...: the targets before FROM may be aliases; read the table after it
            int from = TokenCursor.indexOfTopLevel(c.toks, c.pos, c.end, "FROM");
            if (from >= 0) {
                c.pos = from;
            }
        }
        c.accept("FROM");
        c.accept("ONLY");
        List<String> parts = c.dottedName();
        if (parts == null) {
            out.unclear("DELETE without a table name");
            return;
        }
        TableName table = classifier.name(parts);
        out.add(rowChange(true, table, TokenConditions.where(c.toks, start, c.end, classifier.dialect), out));
    }

    void update(TokenCursor c, TokenOps out) {
        int start = c.pos;
        while (c.accept("LOW_PRIORITY") || c.accept("IGNORE") || c.accept("ONLY")) {
            // modifiers
        }
        List<String> parts = c.dottedName();
        if (parts == null) {
            out.unclear("UPDATE without a table name");
            return;
        }
        TableName table = classifier.name(parts);
        out.add(rowChange(false, table, TokenConditions.where(c.toks, start, c.end, classifier.dialect), out));
    }

    /**
     * A DELETE or UPDATE with what its WHERE says. A WHERE the tokens cannot read is unclear: unless the parser's
     * tree reads it, nothing proves it does not hold for every row.
     */
    private static Operation rowChange(boolean delete, TableName table, TokenConditions.Where where, TokenOps out) {
        if (where == TokenConditions.Where.UNREADABLE) {
            out.unclear("the WHERE condition of " + (delete ? "DELETE FROM " : "UPDATE ") + table
                    + " (whether it holds for every row)");
        }
        boolean hasWhere = where != TokenConditions.Where.NONE;
        boolean alwaysTrue = where == TokenConditions.Where.ALWAYS_TRUE;
        boolean rowIndependent = where == TokenConditions.Where.ROW_INDEPENDENT;
        return delete
                ? new Operation.Delete(table, hasWhere, alwaysTrue, rowIndependent)
                : new Operation.Update(table, hasWhere, alwaysTrue, rowIndependent);
    }

    void insert(TokenCursor c, TokenOps out) {
        while (c.accept("LOW_PRIORITY") || c.accept("DELAYED") || c.accept("HIGH_PRIORITY") || c.accept("IGNORE")) {
            // MySQL modifiers
        }
        c.accept("INTO");
        List<String> parts = c.dottedName();
        if (parts == null) {
            out.unclear("INSERT without a table name");
            return;
        }
        out.add(new Operation.Insert(classifier.name(parts)));
    }

    void copy(TokenCursor c, TokenOps out) {
        List<String> parts = c.dottedName();
        if (parts != null && TokenCursor.topLevelWord(c.toks, c.pos, c.end, "FROM")) {
            out.add(new Operation.Insert(classifier.name(parts)));
        }
    }

    void merge(TokenCursor c, TokenOps out) {
        c.accept("INTO");
        List<String> parts = c.dottedName();
        if (parts == null) {
            out.unclear("MERGE without a target table");
            return;
        }
        TableName target = classifier.name(parts);
        out.add(new Operation.Update(target, true));
        if (TokenCursor.topLevelWord(c.toks, c.pos, c.end, "DELETE")) {
            out.add(new Operation.Delete(target, true));
        }
    }
}
