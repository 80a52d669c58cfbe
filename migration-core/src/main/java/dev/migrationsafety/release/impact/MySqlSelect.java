package dev.migrationsafety.release.impact;

import dev.migrationsafety.sql.Token;
import dev.migrationsafety.sql.TokenType;
import java.util.List;

/**
 * Rewrites a MariaDB/MySQL {@code DELETE} or {@code UPDATE} into the {@code SELECT 1 FROM ... WHERE ...} that matches
 * the same rows, so that its plan can be estimated in a read-only transaction: {@code DELETE [..] FROM <from>
 * [WHERE c] [ORDER BY ..] [LIMIT n]} and {@code UPDATE [..] <from> SET .. [WHERE c] [ORDER BY ..] [LIMIT n]}.
 */
final class MySqlSelect {
    private MySqlSelect() {}

    /** The SELECT, or {@code null} for a form it does not rewrite ({@code DELETE ... USING}, a CTE). */
    static String of(String text, List<Token> toks) {
        Token first = toks.get(0);
        int fromStart;
        int fromEnd;
        if (first.is("DELETE")) {
            int from = topLevel(toks, 1, "FROM");
            if (from < 0 || topLevel(toks, from, "USING") >= 0) {
                return null;
            }
            fromStart = toks.get(from).end();
            int where = topLevel(toks, from, "WHERE");
            int end = conditionEnd(toks, from);
            fromEnd = where >= 0
                    ? toks.get(where).start()
                    : end < toks.size() ? toks.get(end).start() : text.length();
        } else if (first.is("UPDATE")) {
            int set = topLevel(toks, 1, "SET");
            if (set < 0) {
                return null;
            }
            int i = 1;
            while (toks.get(i).isAny("LOW_PRIORITY", "IGNORE")) {
                i++;
            }
            fromStart = toks.get(i).start();
            fromEnd = toks.get(set).start();
        } else {
            return null;
        }
        int where = topLevel(toks, 1, "WHERE");
        String condition = "";
        if (where >= 0) {
            int end = conditionEnd(toks, where);
            condition = " WHERE "
                    + text.substring(
                                    toks.get(where).end(),
                                    end < toks.size() ? toks.get(end).start() : text.length())
                            .strip();
        }
        return "SELECT 1 FROM " + text.substring(fromStart, fromEnd).strip() + condition;
    }

    /** The number of a top-level {@code LIMIT n}, or {@code null}. */
    static Long limit(List<Token> toks) {
        int limit = topLevel(toks, 1, "LIMIT");
        if (limit >= 0 && limit + 1 < toks.size() && toks.get(limit + 1).type() == TokenType.NUMBER) {
            try {
                return Long.parseLong(toks.get(limit + 1).text());
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    private static int conditionEnd(List<Token> toks, int from) {
        int order = topLevel(toks, from, "ORDER");
        int limit = topLevel(toks, from, "LIMIT");
        int end = toks.size();
        if (order >= 0) {
            end = order;
        }
        if (limit >= 0 && limit < end) {
            end = limit;
        }
        return end;
    }

    /** The index of the first top-level (outside parentheses) word from {@code from}, or -1. */
    private static int topLevel(List<Token> toks, int from, String word) {
        int depth = 0;
        for (int i = 0; i < toks.size(); i++) {
            Token t = toks.get(i);
            if (t.isSymbol("(")) {
                depth++;
            } else if (t.isSymbol(")")) {
                depth--;
            } else if (i >= from && depth == 0 && t.is(word)) {
                return i;
            }
        }
        return -1;
    }
}
