package dev.migrationsafety.sql;

import dev.migrationsafety.sql.Operation.ObjectKind;
import java.util.List;
import java.util.Set;

/**
 * The token-level classifier that runs on every statement next to JSqlParser. It reads what the parser misses or
 * misreads ({@code DROP TYPE}, MySQL {@code DROP FOREIGN KEY}, keyword-named columns, {@code NOT VALID},
 * {@code SET DATA TYPE}, {@code DROP INDEX CONCURRENTLY}, ...), splits a multi-clause {@code ALTER TABLE} at
 * top-level commas, looks for {@code WHERE} outside parentheses only, and scans {@code DO} blocks and function,
 * procedure and trigger bodies, whose statements count as operations of the statement that defines them, each with
 * its {@link Site}: the line it is written on, and the routine whose body holds it (its statements run when it is
 * called or fires; those of a {@code DO} block run with the block). It also records the names called ({@link
 * RoutineCalls}), so that a routine the migration calls is known to run. What it cannot read is reported as unclear,
 * never guessed.
 */
final class TokenClassifier {
    /** Statements that change no schema and touch no existing rows. */
    private static final Set<String> HARMLESS = Set.of(
            "SELECT",
            "VALUES",
            "TABLE",
            "SHOW",
            "DESCRIBE",
            "DESC",
            "SET",
            "RESET",
            "START",
            "COMMIT",
            "END",
            "ROLLBACK",
            "ABORT",
            "SAVEPOINT",
            "RELEASE",
            "GRANT",
            "REVOKE",
            "COMMENT",
            "ANALYZE",
            "ANALYSE",
            "VACUUM",
            "REINDEX",
            "CLUSTER",
            "REFRESH",
            "LOCK",
            "UNLOCK",
            "USE",
            "SECURITY",
            "NOTIFY",
            "LISTEN",
            "UNLISTEN",
            "DISCARD",
            "CHECKPOINT",
            "OPTIMIZE",
            "FLUSH",
            "DECLARE",
            "FETCH",
            "CLOSE",
            "MOVE",
            "PERFORM",
            "RAISE",
            "DEALLOCATE",
            "CALL",
            "CHECKSUM",
            "CHECK",
            "REPAIR",
            "KILL",
            "SIGNAL",
            "RESIGNAL",
            "SCRIPT",
            "HELP",
            "REASSIGN",
            "IMPORT",
            "HANDLER");

    /** Lexes the text of a dollar-quoted or string body in the classifier's dialect. */
    interface Relexer {
        /** The significant tokens of {@code text}, whose first character is at {@code line}:{@code column}. */
        List<Tok> lex(String text, int line, int column);
    }

    final Dialect dialect;
    private final TokenData data;
    private final TokenBodies bodies;

    /** @param relex lexes the text of a dollar-quoted or string body in this dialect */
    TokenClassifier(Dialect dialect, Relexer relex) {
        this.dialect = dialect;
        this.data = new TokenData(this);
        this.bodies = new TokenBodies(this, relex);
    }

    TokenOps classify(List<Tok> toks) {
        TokenOps out = new TokenOps();
        classify(toks, 0, toks.size(), out, 0);
        TokenServer.scan(toks, out);
        RoutineCalls.scan(toks, 0, Math.min(out.routineBodyFrom, toks.size()), out, dialect);
        return out;
    }

    void classify(List<Tok> toks, int from, int to, TokenOps out, int depth) {
        while (from < to && (toks.get(from).isSymbol("(") || toks.get(from).isSymbol(";"))) {
            from++;
        }
        if (from >= to) {
            return;
        }
        Tok head = toks.get(from);
        if (!head.is("CREATE") && !head.is("BEGIN")) {
            // a ';' outside parentheses that the splitter left in (it never should) starts another statement:
            // SELECT 1; DROP TABLE users must not pass as a SELECT
            int split = topLevelSemicolon(toks, from, to);
            if (split >= 0) {
                classify(toks, from, split, out, depth);
                classify(toks, split + 1, to, out, depth);
                return;
            }
        }
        TokenCursor c = new TokenCursor(toks, from, to);
        Tok first = c.next();
        if (first.kind() != Tok.Kind.WORD) {
            if (!first.text().startsWith("\\")) {
                out.unclear("a statement starting with '" + first.text() + "'");
            }
            return;
        }
        switch (first.upper()) {
            case "DROP" -> new TokenDrop(this).drop(c, out);
            case "TRUNCATE" -> data.truncate(c, out);
            case "DELETE" -> data.delete(c, out);
            case "UPDATE" -> data.update(c, out);
            case "INSERT", "REPLACE", "UPSERT" -> data.insert(c, out);
            case "COPY" -> data.copy(c, out);
            case "MERGE" -> data.merge(c, out);
            case "ALTER" -> new TokenAlter(this).alter(c, out);
            case "CREATE" -> new TokenCreate(this).create(c, out, depth);
            case "RENAME" -> rename(c, out);
            case "WITH" -> with(c, out, depth);
            case "DO" -> bodies.doBlock(c, out, depth);
            case "EXECUTE", "EXEC", "PREPARE" -> bodies.dynamic(c, out, depth);
            case "EXPLAIN" -> {
                // EXPLAIN ANALYZE runs the statement
                if (c.accept("ANALYZE")
                        || c.accept("ANALYSE")
                        || (c.isSymbol("(")
                                && TokenCursor.topLevelWord(c.toks, c.pos + 1, c.matching(c.pos), "ANALYZE"))) {
                    c.skipParens();
                    classify(c.toks, c.pos, c.end, out, depth);
                }
            }
            case "LOAD" -> {
                if (c.is("DATA") || c.is("XML")) { // MySQL LOAD DATA INFILE ... INTO TABLE t
                    int into = TokenCursor.indexOfTopLevel(c.toks, c.pos, c.end, "INTO");
                    c.pos = into < 0 ? c.end : into + 1;
                    c.accept("TABLE");
                    List<String> parts = c.dottedName();
                    if (parts == null) {
                        out.unclear("LOAD DATA without a table");
                    } else {
                        out.add(new Operation.Insert(name(parts)));
                    }
                }
            }
            case "BEGIN" -> {
                // BEGIN [TRANSACTION | WORK | ISOLATION ...] starts a transaction; MariaDB BEGIN NOT ATOMIC ... END
                // is an anonymous block whose statements count
                if (!c.atEnd()
                        && !c.is("TRANSACTION")
                        && !c.is("WORK")
                        && !c.is("ISOLATION")
                        && !c.is("READ")
                        && !c.is("DEFERRABLE")
                        && !c.is("NOT", "DEFERRABLE")) {
                    scanBody(c.toks.subList(c.pos, c.end), out, depth, null);
                }
            }
            default -> {
                if (!HARMLESS.contains(first.upper())) {
                    out.unclear("a statement starting with " + first.upper());
                }
            }
        }
    }

    private static int topLevelSemicolon(List<Tok> toks, int from, int to) {
        return TokenCursor.indexOfTopLevel(toks, from, to, t -> t.isSymbol(";"));
    }

    TableName name(List<String> parts) {
        return Identifiers.tableName(parts, dialect);
    }

    String ident(Tok t) {
        return Identifiers.normalize(t.text(), dialect);
    }

    private void rename(TokenCursor c, TokenOps out) {
        if (c.is("USER")) {
            return; // MySQL RENAME USER: no table data; TokenServer reports it as a role change
        }
        if (!c.accept("TABLE")) {
            out.unclear("RENAME of something other than a table");
            return;
        }
        do {
            List<String> from = c.dottedName();
            if (from == null || !c.accept("TO")) {
                out.unclear("RENAME TABLE that is not 'a TO b'");
                return;
            }
            List<String> to = c.dottedName();
            if (to == null) {
                out.unclear("RENAME TABLE without a new name");
                return;
            }
            out.add(new Operation.RenameTable(name(from), name(to)));
        } while (c.acceptSymbol(","));
    }

    /** {@code WITH a AS (...), b AS (...) main}: each CTE body and the main statement. */
    private void with(TokenCursor c, TokenOps out, int depth) {
        c.accept("RECURSIVE");
        while (!c.atEnd()) {
            if (c.dottedName() == null) {
                out.unclear("a WITH clause that is not 'name AS (...)'");
                return;
            }
            c.skipParens();
            if (!c.accept("AS")) {
                out.unclear("a WITH clause without AS");
                return;
            }
            c.accept("NOT");
            c.accept("MATERIALIZED");
            if (!c.isSymbol("(")) {
                out.unclear("a WITH clause without a body");
                return;
            }
            int open = c.pos;
            int close = c.matching(open);
            classify(c.toks, open + 1, close, out, depth);
            c.pos = close + 1;
            if (!c.acceptSymbol(",")) {
                break;
            }
        }
        classify(c.toks, c.pos, c.end, out, depth);
    }

    /** Lexes a body held in a string or dollar quote and scans it as the body of {@code routine} (null: none). */
    void scanBodyText(Tok literal, TokenOps out, int depth, Routine routine) {
        bodies.scanBodyText(literal, out, depth, routine);
    }

    /** Scans a procedural body: see {@link TokenBodies#scanBody}. */
    void scanBody(List<Tok> body, TokenOps out, int depth, Routine routine) {
        bodies.scanBody(body, out, depth, routine);
    }

    static boolean startsAfter(Tok previous) {
        return TokenBodies.startsAfter(previous);
    }

    static ObjectKind kindOf(String word) {
        return TreeOperations.objectKind(word, false);
    }
}
