package dev.migrationsafety.sql;

import dev.migrationsafety.sql.Operation.ObjectKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** {@code CREATE ...} read from tokens, with the bodies of functions, procedures and triggers scanned. */
final class TokenCreate {
    private final TokenClassifier classifier;
    private final TokenElements elements;

    TokenCreate(TokenClassifier classifier) {
        this.classifier = classifier;
        this.elements = new TokenElements(classifier);
    }

    void create(TokenCursor c, TokenOps out, int depth) {
        boolean orReplace = false;
        boolean unique = false;
        boolean materialized = false;
        // modifiers before the object kind: OR REPLACE, UNIQUE, TEMP, MySQL DEFINER = x@y, ALGORITHM = ...
        while (!c.atEnd()) {
            if (c.accept("OR", "REPLACE")) {
                orReplace = true;
            } else if (c.accept("UNIQUE")) {
                unique = true;
            } else if (c.accept("MATERIALIZED")) {
                materialized = true;
            } else if (c.is("DEFINER") || c.is("ALGORITHM") || c.is("SQL")) {
                skipAssignment(c);
            } else if (c.accept("TEMP")
                    || c.accept("TEMPORARY")
                    || c.accept("GLOBAL")
                    || c.accept("LOCAL")
                    || c.accept("UNLOGGED")
                    || c.accept("RECURSIVE")
                    || c.accept("CONSTRAINT")
                    || c.accept("TRUSTED")
                    || c.accept("PROCEDURAL")
                    || c.accept("AGGREGATE")
                    || c.accept("ONLINE")
                    || c.accept("FORCE")
                    || c.accept("NONCLUSTERED")
                    || c.accept("CLUSTERED")
                    || c.accept("FULLTEXT")
                    || c.accept("SPATIAL")
                    || c.accept("CACHED")
                    || c.accept("MEMORY")
                    || c.accept("NO")
                    || c.accept("EDITIONABLE")) {
                // no bearing on what is created
            } else {
                break;
            }
        }
        Tok kindTok = c.next();
        if (kindTok == null || kindTok.kind() != Tok.Kind.WORD) {
            out.unclear("CREATE without an object kind");
            return;
        }
        String kind = kindTok.upper();
        if (kind.equals("EVENT") && c.accept("TRIGGER")) {
            kind = "EVENT TRIGGER";
        }
        switch (kind) {
            case "TABLE" -> table(c, out);
            case "INDEX" -> index(c, out, unique);
            case "FUNCTION", "PROCEDURE" ->
                routine(c, out, depth, kind.equals("FUNCTION") ? ObjectKind.FUNCTION : ObjectKind.PROCEDURE, orReplace);
            case "TRIGGER" -> trigger(c, out, depth, orReplace);
            case "EVENT" -> event(c, out, depth);
            case "EVENT TRIGGER" -> {
                // its function runs at the end of every DDL command from now on, those of this migration too
                executed(c, out, c.pos);
                defaultCreate(c, out, kind, orReplace, materialized);
            }
            case "RULE" -> new TokenRule(classifier).rule(c, out, depth, orReplace);
            default -> defaultCreate(c, out, kind, orReplace, materialized);
        }
    }

    private void defaultCreate(TokenCursor c, TokenOps out, String kind, boolean orReplace, boolean materialized) {
        c.accept("IF", "NOT", "EXISTS");
        List<String> name = c.dottedName();
        ObjectKind objectKind =
                kind.equals("VIEW") && materialized ? ObjectKind.MATERIALIZED_VIEW : TokenClassifier.kindOf(kind);
        if (name == null) {
            if (objectKind != ObjectKind.OTHER) {
                out.unclear("CREATE " + kind + " without a name");
            }
            return;
        }
        out.add(new Operation.CreateObject(objectKind, classifier.name(name), orReplace));
    }

    /**
     * {@code EXECUTE FUNCTION | PROCEDURE name(...)} from {@code from} on: a call of that routine, made from {@code
     * out}'s current routine (a trigger's: when it fires).
     */
    private void executed(TokenCursor c, TokenOps out, int from) {
        for (int i = from; i + 2 < c.end; i++) {
            if (c.toks.get(i).is("EXECUTE")
                    && (c.toks.get(i + 1).is("FUNCTION") || c.toks.get(i + 1).is("PROCEDURE"))) {
                TokenCursor name = new TokenCursor(c.toks, i + 2, c.end);
                List<String> parts = name.dottedName();
                if (parts != null) {
                    out.call(
                            Identifiers.normalize(parts.get(parts.size() - 1), classifier.dialect),
                            c.toks.get(i).line());
                }
                return;
            }
        }
    }

    /** Skips MySQL {@code DEFINER = user@host}, {@code ALGORITHM = x}, {@code SQL SECURITY x} before the kind. */
    private static void skipAssignment(TokenCursor c) {
        if (c.accept("SQL", "SECURITY")) {
            c.next();
            return;
        }
        c.next();
        if (!c.acceptSymbol("=")) {
            return;
        }
        c.next();
        while (!c.atEnd() && !(c.peek().kind() == Tok.Kind.WORD && isKindOrModifier(c.peek()))) {
            c.next(); // the rest of user@host, however it was lexed
        }
    }

    private static boolean isKindOrModifier(Tok t) {
        return switch (t.upper()) {
            case "TABLE",
                    "VIEW",
                    "FUNCTION",
                    "PROCEDURE",
                    "TRIGGER",
                    "EVENT",
                    "INDEX",
                    "SQL",
                    "ALGORITHM",
                    "DEFINER",
                    "OR",
                    "AGGREGATE" -> true;
            default -> false;
        };
    }

    private void table(TokenCursor c, TokenOps out) {
        boolean ifNotExists = c.accept("IF", "NOT", "EXISTS");
        List<String> name = c.dottedName();
        if (name == null) {
            out.unclear("CREATE TABLE without a name");
            return;
        }
        TableName table = classifier.name(name);
        List<ColumnDef> columns = new ArrayList<>();
        List<String> primaryKey = new ArrayList<>();
        List<ForeignKeyDef> foreignKeys = new ArrayList<>();
        List<List<String>> uniqueKeys = new ArrayList<>();
        String primaryKeyName = null;
        if (c.isSymbol("(")) {
            int open = c.pos;
            int close = c.matching(open);
            for (int[] part : TokenCursor.splitTopLevel(c.toks, open + 1, close)) {
                if (TokenElements.isConstraint(c.toks, part[0], part[1])
                        || c.toks.get(part[0]).is("LIKE")) {
                    TokenElements.Constraint k = elements.constraint(c.toks, part[0], part[1]);
                    if (k == null) {
                        continue; // MySQL KEY / INDEX inside CREATE TABLE, LIKE other
                    }
                    switch (k.kind()) {
                        case PRIMARY_KEY -> {
                            primaryKey.clear();
                            primaryKey.addAll(k.columns());
                            primaryKeyName = k.name();
                        }
                        case UNIQUE -> uniqueKeys.add(k.columns());
                        case FOREIGN_KEY -> {
                            if (k.foreignKey() != null) {
                                foreignKeys.add(k.foreignKey());
                            }
                        }
                        default -> {
                            // checks and exclusions do not shape the table
                        }
                    }
                    continue;
                }
                ColumnDef column = elements.column(c.toks, part[0], part[1]);
                if (column == null) {
                    out.unclear("CREATE TABLE " + table + " element '"
                            + TokenCursor.text(c.toks, part[0], Math.min(part[1], part[0] + 3)) + "'");
                    continue;
                }
                columns.add(column);
                if (column.primaryKey()) {
                    primaryKey.add(column.name());
                    String named = inlinePrimaryKeyName(c.toks, part[0], part[1]);
                    primaryKeyName = named == null ? primaryKeyName : named;
                }
                if (column.unique()) {
                    uniqueKeys.add(List.of(column.name()));
                }
                if (column.references() != null) {
                    foreignKeys.add(column.references());
                }
            }
        }
        out.add(new Operation.CreateTable(table, columns, primaryKey, foreignKeys, uniqueKeys, ifNotExists));
        if (primaryKeyName != null && !primaryKey.isEmpty()) {
            // CONSTRAINT name PRIMARY KEY (...): the name a later DROP CONSTRAINT uses
            out.add(new Operation.AddConstraint(
                    table, primaryKeyName, Operation.ConstraintKind.PRIMARY_KEY, primaryKey, null, false));
        }
    }

    private void index(TokenCursor c, TokenOps out, boolean unique) {
        boolean concurrently = c.accept("CONCURRENTLY");
        boolean ifNotExists = c.accept("IF", "NOT", "EXISTS");
        String name = null;
        if (!c.is("ON")) {
            List<String> parts = c.dottedName();
            name = parts == null ? null : classifier.name(parts).name();
        }
        if (!c.accept("ON")) {
            out.unclear("CREATE INDEX without ON table");
            return;
        }
        c.accept("ONLY");
        List<String> table = c.dottedName();
        if (table == null) {
            out.unclear("CREATE INDEX without a table");
            return;
        }
        List<String> columns = elements.columns(c);
        out.add(new Operation.CreateIndex(classifier.name(table), name, columns, unique, concurrently, ifNotExists));
    }

    private void routine(TokenCursor c, TokenOps out, int depth, ObjectKind kind, boolean orReplace) {
        c.accept("IF", "NOT", "EXISTS");
        Tok nameTok = c.peek();
        List<String> name = c.dottedName();
        if (name == null) {
            out.unclear("CREATE " + kind + " without a name");
            return;
        }
        out.add(new Operation.CreateObject(kind, classifier.name(name), orReplace));
        Routine routine = new Routine(kind, classifier.name(name).name(), null);
        c.skipParens();
        String language = null;
        for (int i = c.pos; i + 1 < c.end; i++) {
            if (c.toks.get(i).is("LANGUAGE")) {
                language = c.toks.get(i + 1).literalBody().toLowerCase(Locale.ROOT);
            }
        }
        if (language != null
                && !language.equals("sql")
                && !language.equals("plpgsql")
                && !language.equals("c")
                && !language.equals("internal")) {
            // like what a body in SQL holds, it runs only when the routine is called
            out.add(new Operation.NotAnalysable("the body of " + name.get(name.size() - 1) + " is in language "
                    + language + ", which the analysis cannot read"));
            out.sites.set(out.sites.size() - 1, new Site(nameTok.line(), nameTok.column(), routine));
            return;
        }
        if (language != null && (language.equals("c") || language.equals("internal"))) {
            return;
        }
        body(c, out, depth, routine);
    }

    /** A dollar-quoted or string body after AS, or an inline BEGIN ... END / RETURN body. */
    private void body(TokenCursor c, TokenOps out, int depth, Routine routine) {
        for (int i = c.pos; i < c.end; i++) {
            Tok t = c.toks.get(i);
            if ((t.kind() == Tok.Kind.DOLLAR || t.kind() == Tok.Kind.STRING)
                    && i > 0
                    && c.toks.get(i - 1).is("AS")) {
                classifier.scanBodyText(t, out, depth, routine);
                return;
            }
            if (t.is("BEGIN") || t.is("RETURN") || (t.kind() == Tok.Kind.WORD && isBodyStart(t.upper()))) {
                inlineBody(c, out, depth, routine, i);
                return;
            }
        }
    }

    /** A routine's body written inline, from {@code from} to the end of the statement. */
    private void inlineBody(TokenCursor c, TokenOps out, int depth, Routine routine, int from) {
        if (depth == 0) {
            out.routineBodyFrom = Math.min(out.routineBodyFrom, from);
        }
        classifier.scanBody(c.toks.subList(from, c.end), out, depth, routine);
    }

    private static boolean isBodyStart(String word) {
        return switch (word) {
            case "DROP", "TRUNCATE", "DELETE", "UPDATE", "INSERT", "ALTER", "CREATE" -> true;
            default -> false;
        };
    }

    private void trigger(TokenCursor c, TokenOps out, int depth, boolean orReplace) {
        List<String> name = c.dottedName();
        if (name == null) {
            out.unclear("CREATE TRIGGER without a name");
            return;
        }
        out.add(new Operation.CreateObject(ObjectKind.TRIGGER, classifier.name(name), orReplace));
        int on = TokenCursor.indexOfTopLevel(c.toks, c.pos, c.end, "ON");
        List<String> table = on < 0 ? null : new TokenCursor(c.toks, on + 1, c.end).dottedName();
        Routine routine = new Routine(
                ObjectKind.TRIGGER, classifier.name(name).name(), table == null ? null : classifier.name(table));
        Routine around = out.routine;
        out.routine = routine;
        executed(c, out, c.pos); // PostgreSQL: EXECUTE FUNCTION f() runs f when the trigger fires
        out.routine = around;
        for (int i = c.pos; i + 2 < c.end; i++) {
            if (c.toks.get(i).is("EACH")
                    && (c.toks.get(i + 1).is("ROW") || c.toks.get(i + 1).is("STATEMENT"))) {
                int start = i + 2;
                while (start < c.end
                        && (c.toks.get(start).is("FOLLOWS") || c.toks.get(start).is("PRECEDES"))) {
                    start += 2;
                }
                if (start < c.end
                        && !c.toks.get(start).is("EXECUTE")
                        && !c.toks.get(start).is("WHEN")) {
                    inlineBody(c, out, depth, routine, start);
                }
                return;
            }
        }
    }

    private void event(TokenCursor c, TokenOps out, int depth) {
        c.accept("IF", "NOT", "EXISTS");
        List<String> name = c.dottedName();
        if (name == null) {
            out.unclear("CREATE EVENT without a name");
            return;
        }
        out.add(new Operation.CreateObject(ObjectKind.OTHER, classifier.name(name), false));
        for (int i = c.pos; i < c.end; i++) {
            if (c.toks.get(i).is("DO")) {
                // an event's body runs on its schedule, which may be now: it counts as running
                classifier.scanBody(c.toks.subList(i + 1, c.end), out, depth, null);
                return;
            }
        }
    }

    /** The name in a column's {@code CONSTRAINT name PRIMARY KEY}, or {@code null}. */
    private String inlinePrimaryKeyName(List<Tok> toks, int from, int to) {
        for (int i = from; i + 3 < to; i++) {
            if (toks.get(i).is("CONSTRAINT")
                    && toks.get(i + 1).isName()
                    && toks.get(i + 2).is("PRIMARY")
                    && toks.get(i + 3).is("KEY")) {
                return classifier.ident(toks.get(i + 1));
            }
        }
        return null;
    }
}
