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
    private static final int MAX_BODY_DEPTH = 4;

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
    private final Relexer relex;
    private final TokenData data;

    /** @param relex lexes the text of a dollar-quoted or string body in this dialect */
    TokenClassifier(Dialect dialect, Relexer relex) {
        this.dialect = dialect;
        this.relex = relex;
        this.data = new TokenData(this);
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
            case "DO" -> doBlock(c, out, depth);
            case "EXECUTE", "EXEC", "PREPARE" -> dynamic(c, out, depth);
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
        scanBody(relexBody(literal, out), out, depth, routine);
    }

    /**
     * Lexes the content of a string or dollar-quoted body or of dynamic SQL, with its place in the file, and looks in
     * it for what reaches onto the server (which counts wherever the code is: see {@link TokenServer}).
     */
    private List<Tok> relexBody(Tok literal, TokenOps out) {
        int[] at = literal.contentStart();
        List<Tok> body = relex.lex(literal.literalBody(), at[0], at[1]);
        TokenServer.scan(body, out);
        return body;
    }

    private void doBlock(TokenCursor c, TokenOps out, int depth) {
        for (int i = c.pos; i + 1 < c.end; i++) {
            if (c.toks.get(i).is("LANGUAGE")) {
                String language = c.toks.get(i + 1).literalBody().toLowerCase(java.util.Locale.ROOT);
                if (!language.equals("plpgsql") && !language.equals("sql")) {
                    out.add(new Operation.NotAnalysable(
                            "a DO block in language " + language + ", which the analysis cannot read"));
                    return;
                }
            }
        }
        while (!c.atEnd()) {
            Tok t = c.next();
            if (t.kind() == Tok.Kind.DOLLAR || t.kind() == Tok.Kind.STRING) {
                scanBody(relexBody(t, out), out, depth, null); // a DO block runs where it stands
                return;
            }
        }
        out.unclear("a DO block without a body");
    }

    private void dynamic(TokenCursor c, TokenOps out, int depth) {
        int start = c.pos - 1;
        if (c.is("IMMEDIATE")) {
            c.next();
        }
        Tok t = c.peek();
        if (c.toks.get(c.pos - 1).is("PREPARE")) {
            c.dottedName();
            c.accept("FROM");
            t = c.peek();
        }
        if (t != null && (t.kind() == Tok.Kind.STRING || t.kind() == Tok.Kind.DOLLAR) && c.pos + 1 == c.end) {
            List<Tok> inner = relexBody(t, out);
            classify(inner, 0, inner.size(), out, depth + 1);
            RoutineCalls.scan(inner, 0, inner.size(), out, dialect);
            return;
        }
        out.add(new Operation.NotAnalysable("dynamic SQL ("
                + TokenCursor.text(c.toks, start, Math.min(c.end, start + 5)) + " ...) is only known when it runs"));
    }

    /**
     * Scans a procedural body (PL/pgSQL, SQL function, MySQL BEGIN ... END) for the statements in it: each one that
     * starts after {@code ;}, {@code BEGIN}, {@code THEN}, {@code ELSE}, {@code LOOP} or {@code DO} is classified,
     * and its operations placed at its own line.
     *
     * @param routine the function, procedure or trigger whose body this is; {@code null} for a block that runs where
     *     it stands ({@code DO}, {@code BEGIN NOT ATOMIC}, a MySQL event's body), which keeps the routine of the body
     *     around it
     */
    void scanBody(List<Tok> body, TokenOps out, int depth, Routine routine) {
        if (depth >= MAX_BODY_DEPTH) {
            out.unclear("procedural code nested more than " + MAX_BODY_DEPTH + " levels deep");
            return;
        }
        TokenOps inner = new TokenOps();
        inner.routine = routine != null ? routine : out.routine;
        int i = 0;
        while (i < body.size()) {
            Tok t = body.get(i);
            boolean start = i == 0 || startsAfter(body.get(i - 1));
            if (start && t.kind() == Tok.Kind.WORD && opensStatement(t.upper())) {
                int end = statementEnd(body, i);
                int from = inner.operations.size();
                int unclearFrom = inner.unclear.size();
                classify(body, i, end, inner, depth + 1);
                for (int k = from; k < inner.sites.size(); k++) {
                    if (inner.sites.get(k) == null) {
                        inner.sites.set(k, new Site(t.line(), t.column(), inner.routine));
                    }
                }
                placeUnclear(inner, unclearFrom, t);
                i = end;
            } else {
                if (t.is("DROP") || t.is("TRUNCATE")) {
                    // where no statement was expected: fail closed rather than skip it
                    int unclearFrom = inner.unclear.size();
                    inner.unclear("a " + t.upper() + " where the analysis did not expect a statement");
                    placeUnclear(inner, unclearFrom, t);
                }
                i++;
            }
        }
        RoutineCalls.scan(body, 0, body.size(), inner, dialect);
        out.addAll(inner);
        // control-flow words inside bodies are not statements of their own: only real gaps count
        for (String u : inner.unclear) {
            out.unclear(u + " (in a procedural body)");
        }
    }

    /**
     * In a routine's body, what the classifier could not read from index {@code from} on becomes a not-analysable
     * operation of that body at the statement {@code at}: like the body's other statements it runs, and blocks, only
     * where the migration calls the routine. Elsewhere (a {@code DO} block) it stays unclear for the statement.
     */
    private static void placeUnclear(TokenOps inner, int from, Tok at) {
        if (inner.routine == null) {
            return;
        }
        while (inner.unclear.size() > from) {
            String u = inner.unclear.remove(from);
            inner.operations.add(
                    new Operation.NotAnalysable("the token classifier does not know " + u + " (in a procedural body)"));
            inner.sites.add(new Site(at.line(), at.column(), inner.routine));
        }
    }

    static boolean startsAfter(Tok previous) {
        return previous.isSymbol(";")
                || previous.is("BEGIN")
                || previous.is("THEN")
                || previous.is("ELSE")
                || previous.is("LOOP")
                || previous.is("REPEAT")
                || previous.is("DO")
                || previous.is("ATOMIC")
                || previous.is("QUERY");
    }

    private static boolean opensStatement(String word) {
        return switch (word) {
            case "DROP",
                    "TRUNCATE",
                    "DELETE",
                    "UPDATE",
                    "INSERT",
                    "ALTER",
                    "CREATE",
                    "RENAME",
                    "EXECUTE",
                    "PREPARE",
                    "MERGE",
                    "REPLACE",
                    "COPY",
                    "GRANT",
                    "REVOKE",
                    "WITH" -> true;
            default -> false;
        };
    }

    private static int statementEnd(List<Tok> body, int from) {
        int depth = 0;
        for (int i = from; i < body.size(); i++) {
            Tok t = body.get(i);
            if (t.isSymbol("(")) {
                depth++;
            } else if (t.isSymbol(")")) {
                depth--;
            } else if (depth <= 0 && t.isSymbol(";")) {
                return i;
            }
        }
        return body.size();
    }

    static ObjectKind kindOf(String word) {
        return TreeOperations.objectKind(word, false);
    }
}
