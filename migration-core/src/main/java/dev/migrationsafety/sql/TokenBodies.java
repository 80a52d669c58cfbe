package dev.migrationsafety.sql;

import java.util.List;

/**
 * The procedural code the token classifier reads into: {@code DO} blocks, function, procedure and trigger bodies,
 * anonymous blocks and dynamic SQL in a literal. Each statement found in a body is classified by {@link
 * TokenClassifier} and placed at its own line with the routine that holds it ({@link Site}); the names a body calls
 * are recorded ({@link RoutineCalls}).
 */
final class TokenBodies {
    private static final int MAX_BODY_DEPTH = 4;

    private final TokenClassifier classifier;
    private final TokenClassifier.Relexer relex;

    TokenBodies(TokenClassifier classifier, TokenClassifier.Relexer relex) {
        this.classifier = classifier;
        this.relex = relex;
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

    void doBlock(TokenCursor c, TokenOps out, int depth) {
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

    void dynamic(TokenCursor c, TokenOps out, int depth) {
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
            classifier.classify(inner, 0, inner.size(), out, depth + 1);
            RoutineCalls.scan(inner, 0, inner.size(), out, classifier.dialect);
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
                classifier.classify(body, i, end, inner, depth + 1);
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
        RoutineCalls.scan(body, 0, body.size(), inner, classifier.dialect);
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
}
