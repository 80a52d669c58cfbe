package dev.migrationsafety.sql;

import java.util.List;

/**
 * Finds the names a run of tokens calls: {@code name(} anywhere (a {@code SELECT f()}, a {@code PERFORM f()}, a
 * default, a check or an index expression), and {@code CALL name} with or without parentheses. A name that a
 * routine's definition, drop, grant or comment names after {@code FUNCTION}, {@code PROCEDURE}, {@code ROUTINE} or
 * {@code TRIGGER} is not a call, nor a table's column list ({@code INSERT INTO t (...)}, {@code CREATE TABLE t (...)},
 * {@code REFERENCES t (...)}). Read by name: a call of a built-in is recorded too and matches no routine of the
 * migration; a keyword followed by {@code (} is harmless in the same way.
 */
final class RoutineCalls {
    private RoutineCalls() {}

    /** Records in {@code out} the calls in {@code toks[from, to)}, as made from {@code out}'s current routine. */
    static void scan(List<Tok> toks, int from, int to, TokenOps out, Dialect dialect) {
        for (int i = from; i < to; i++) {
            Tok t = toks.get(i);
            if (t.is("CALL") && i + 1 < to && toks.get(i + 1).isName()) {
                int last = lastPart(toks, i + 1, to);
                out.call(Identifiers.normalize(toks.get(last).text(), dialect), t.line());
                i = last;
            } else if (t.isName() && i + 1 < to && toks.get(i + 1).isSymbol("(") && !declared(toks, i)) {
                out.call(Identifiers.normalize(t.text(), dialect), t.line());
            }
        }
    }

    /** The index of the last part of the dotted name that starts at {@code i}. */
    private static int lastPart(List<Tok> toks, int i, int to) {
        while (i + 2 < to && toks.get(i + 1).isSymbol(".") && toks.get(i + 2).isName()) {
            i += 2;
        }
        return i;
    }

    /** Whether the name at {@code i} names a routine or a table rather than calls (past a schema and IF EXISTS). */
    private static boolean declared(List<Tok> toks, int i) {
        int j = i - 1;
        while (j >= 1 && toks.get(j).isSymbol(".") && toks.get(j - 1).isName()) {
            j -= 2;
        }
        while (j >= 0
                && (toks.get(j).is("EXISTS")
                        || toks.get(j).is("NOT")
                        || toks.get(j).is("IF"))) {
            j--;
        }
        if (j < 0) {
            return false;
        }
        Tok before = toks.get(j);
        return before.is("FUNCTION")
                || before.is("PROCEDURE")
                || before.is("ROUTINE")
                || before.is("TRIGGER")
                || before.is("INTO")
                || before.is("TABLE")
                || before.is("REFERENCES")
                || before.is("VIEW");
    }
}
