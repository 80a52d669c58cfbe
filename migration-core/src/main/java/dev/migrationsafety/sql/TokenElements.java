package dev.migrationsafety.sql;

import dev.migrationsafety.sql.Operation.ConstraintKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Column definitions and table constraints, as in {@code CREATE TABLE (...)} and {@code ALTER TABLE ... ADD}. */
final class TokenElements {

    /** A table constraint read from tokens. */
    record Constraint(
            String name, ConstraintKind kind, List<String> columns, ForeignKeyDef foreignKey, boolean notValid) {}

    /** Words that end a column's type and start its constraints. */
    private static final Set<String> AFTER_TYPE = Set.of(
            "NOT",
            "NULL",
            "DEFAULT",
            "PRIMARY",
            "UNIQUE",
            "REFERENCES",
            "CHECK",
            "CONSTRAINT",
            "COLLATE",
            "GENERATED",
            "AUTO_INCREMENT",
            "AUTOINCREMENT",
            "COMMENT",
            "ON",
            "IDENTITY",
            "CHARSET",
            "VISIBLE",
            "INVISIBLE",
            "STORAGE",
            "COMPRESSION",
            "AS",
            "FIRST",
            "AFTER",
            "KEY",
            "USING",
            "SELECTIVITY",
            "SEQUENCE",
            "COLUMN_FORMAT",
            "SRID");

    private final TokenClassifier classifier;

    TokenElements(TokenClassifier classifier) {
        this.classifier = classifier;
    }

    /** Whether {@code [from, to)} is a table constraint rather than a column. */
    static boolean isConstraint(List<Tok> toks, int from, int to) {
        if (from >= to) {
            return false;
        }
        Tok t = toks.get(from);
        return switch (t.kind() == Tok.Kind.WORD ? t.upper() : "") {
            case "CONSTRAINT",
                    "PRIMARY",
                    "UNIQUE",
                    "FOREIGN",
                    "CHECK",
                    "EXCLUDE",
                    "INDEX",
                    "KEY",
                    "FULLTEXT",
                    "SPATIAL" -> true;
            default -> false;
        };
    }

    /** A column definition {@code name type [constraints]}, or {@code null} when it is not one. */
    ColumnDef column(List<Tok> toks, int from, int to) {
        if (from >= to || !toks.get(from).isName()) {
            return null;
        }
        String name = classifier.ident(toks.get(from));
        int i = from + 1;
        int typeStart = i;
        int depth = 0;
        while (i < to) {
            Tok t = toks.get(i);
            if (t.isSymbol("(")) {
                depth++;
            } else if (t.isSymbol(")")) {
                depth--;
            } else if (depth == 0 && t.kind() == Tok.Kind.WORD && AFTER_TYPE.contains(t.upper())) {
                break;
            } else if (depth == 0
                    && t.is("CHARACTER")
                    && i + 1 < to
                    && toks.get(i + 1).is("SET")) {
                break;
            }
            i++;
        }
        String type = ColumnSpecs.typeText(TokenCursor.text(toks, typeStart, i));
        List<String> words = new ArrayList<>();
        ForeignKeyDef references = null;
        depth = 0;
        for (int j = i; j < to; j++) {
            Tok t = toks.get(j);
            if (t.isSymbol("(")) {
                depth++;
            } else if (t.isSymbol(")")) {
                depth--;
            } else if (depth == 0) {
                if (t.is("REFERENCES")) {
                    TokenCursor c = new TokenCursor(toks, j + 1, to);
                    references = references(c, null, List.of(name));
                    j = c.pos - 1;
                } else if (t.is("DEFAULT") || t.is("CHECK") || t.is("COMMENT") || t.is("AS")) {
                    words.add(t.text());
                    j++; // the value or expression after it is not a constraint word
                    if (j < to && toks.get(j).isSymbol("(")) {
                        depth++;
                    }
                } else {
                    words.add(t.text());
                }
            }
        }
        return ColumnSpecs.of(name, type, words, references);
    }

    /** A table constraint in {@code [from, to)}; {@code null} for a plain (MySQL) index. */
    Constraint constraint(List<Tok> toks, int from, int to) {
        TokenCursor c = new TokenCursor(toks, from, to);
        String name = null;
        if (c.accept("CONSTRAINT")) {
            Tok n = c.peek();
            if (n != null && n.isName() && !startsBody(n)) {
                name = classifier.ident(c.next());
            }
        }
        boolean notValid = TokenCursor.topLevelWord(toks, c.pos, to, "VALID") && notValid(toks, c.pos, to);
        if (c.accept("PRIMARY", "KEY")) {
            return new Constraint(name, ConstraintKind.PRIMARY_KEY, columns(c), null, notValid);
        }
        if (c.accept("UNIQUE")) {
            if (!c.accept("KEY")) {
                c.accept("INDEX");
            }
            if (c.peek() != null && c.peek().isName() && !c.is("USING")) {
                String indexName = classifier.ident(c.next());
                name = name == null ? indexName : name;
            }
            return new Constraint(name, ConstraintKind.UNIQUE, columns(c), null, notValid);
        }
        if (c.accept("FOREIGN", "KEY")) {
            if (c.peek() != null && c.peek().isName()) {
                String indexName = classifier.ident(c.next());
                name = name == null ? indexName : name;
            }
            List<String> cols = columns(c);
            if (!c.accept("REFERENCES")) {
                return new Constraint(name, ConstraintKind.FOREIGN_KEY, cols, null, notValid);
            }
            ForeignKeyDef fk = references(c, name, cols);
            fk = new ForeignKeyDef(
                    fk.name(), fk.columns(), fk.target(), fk.targetColumns(), fk.onDelete(), fk.onUpdate(), notValid);
            return new Constraint(name, ConstraintKind.FOREIGN_KEY, cols, fk, notValid);
        }
        if (c.accept("CHECK")) {
            return new Constraint(name, ConstraintKind.CHECK, List.of(), null, notValid);
        }
        if (c.accept("EXCLUDE")) {
            return new Constraint(name, ConstraintKind.EXCLUDE, List.of(), null, notValid);
        }
        if (c.accept("NOT", "NULL")) { // PostgreSQL 18: CONSTRAINT name NOT NULL column
            Tok col = c.next();
            List<String> cols = col != null && col.isName() ? List.of(classifier.ident(col)) : List.of();
            return new Constraint(name, ConstraintKind.NOT_NULL, cols, null, notValid);
        }
        return null;
    }

    private static boolean startsBody(Tok t) {
        return t.is("PRIMARY") || t.is("UNIQUE") || t.is("FOREIGN") || t.is("CHECK") || t.is("EXCLUDE");
    }

    private static boolean notValid(List<Tok> toks, int from, int to) {
        for (int i = from; i + 1 < to; i++) {
            if (toks.get(i).is("NOT") && toks.get(i + 1).is("VALID")) {
                return true;
            }
        }
        return false;
    }

    /** {@code (a, b)} at the cursor as normalised column names; skips a {@code USING method} before it. */
    List<String> columns(TokenCursor c) {
        if (c.accept("USING")) {
            c.next();
        }
        List<String> cols = new ArrayList<>();
        if (!c.isSymbol("(")) {
            return cols;
        }
        int open = c.pos;
        int close = c.matching(open);
        for (int[] part : TokenCursor.splitTopLevel(c.toks, open + 1, close)) {
            Tok first = c.toks.get(part[0]);
            boolean prefix = classifier.dialect == Dialect.MYSQL // MySQL name(10): an index on a prefix of name
                    && part[1] - part[0] >= 4
                    && c.toks.get(part[0] + 1).isSymbol("(")
                    && c.toks.get(part[0] + 2).kind() == Tok.Kind.NUMBER;
            boolean simple = prefix
                    || first.isName()
                            && (part[1] - part[0] == 1
                                    || !c.toks.get(part[0] + 1).isSymbol("(")
                                    || first.kind() == Tok.Kind.QUOTED);
            cols.add(simple ? classifier.ident(first) : TokenCursor.text(c.toks, part[0], part[1]));
        }
        c.pos = close + 1;
        return cols;
    }

    /** After {@code REFERENCES}: {@code table [(cols)] [MATCH x] [ON DELETE a] [ON UPDATE b] ...}. */
    ForeignKeyDef references(TokenCursor c, String name, List<String> columns) {
        List<String> target = c.dottedName();
        List<String> targetCols = columns(c);
        String onDelete = null;
        String onUpdate = null;
        while (!c.atEnd() && !c.isSymbol(",")) {
            if (c.accept("ON", "DELETE")) {
                onDelete = action(c);
            } else if (c.accept("ON", "UPDATE")) {
                onUpdate = action(c);
            } else if (c.is("MATCH")
                    || c.is("DEFERRABLE")
                    || c.is("INITIALLY")
                    || c.is("NOT")
                    || c.is("DEFERRED")
                    || c.is("IMMEDIATE")
                    || c.is("FULL")
                    || c.is("SIMPLE")
                    || c.is("PARTIAL")
                    || c.is("VALID")
                    || c.is("ENFORCED")) {
                c.next();
            } else {
                break;
            }
        }
        TableName table = target == null ? TableName.of("?") : classifier.name(target);
        return new ForeignKeyDef(name, columns, table, targetCols, onDelete, onUpdate, false);
    }

    private static String action(TokenCursor c) {
        if (c.accept("SET", "NULL")) {
            return "SET NULL";
        }
        if (c.accept("SET", "DEFAULT")) {
            return "SET DEFAULT";
        }
        if (c.accept("NO", "ACTION")) {
            return "NO ACTION";
        }
        Tok t = c.next();
        return t == null ? null : t.upper();
    }
}
