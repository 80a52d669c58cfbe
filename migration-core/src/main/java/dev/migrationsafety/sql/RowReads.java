package dev.migrationsafety.sql;

import dev.migrationsafety.sql.Cond.And;
import dev.migrationsafety.sql.Cond.Call;
import dev.migrationsafety.sql.Cond.Cast;
import dev.migrationsafety.sql.Cond.Cmp;
import dev.migrationsafety.sql.Cond.IsBool;
import dev.migrationsafety.sql.Cond.IsNull;
import dev.migrationsafety.sql.Cond.Lit;
import dev.migrationsafety.sql.Cond.Not;
import dev.migrationsafety.sql.Cond.Opaque;
import dev.migrationsafety.sql.Cond.Or;
import dev.migrationsafety.sql.Cond.Ref;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Whether a condition reads the row it is evaluated for. One that does not (no column, no subquery that may be
 * correlated) has the same value for every row: the statement changes every row or none. Conservative in the
 * direction of "reads the row": every name that is not a special value counts as a column, and a subquery that
 * names any column counts as correlated.
 */
final class RowReads {
    /** SQL's special values that take no parentheses, by dialect: a bare name that is not a column. */
    private static final Set<String> POSTGRESQL_VALUES = Set.of(
            "current_user",
            "session_user",
            "user",
            "current_role",
            "current_date",
            "current_time",
            "current_timestamp",
            "localtime",
            "localtimestamp",
            "current_catalog",
            "current_schema");

    /** MySQL needs parentheses after {@code USER()}, {@code SESSION_USER()}, {@code CURRENT_ROLE()}. */
    private static final Set<String> MYSQL_VALUES = Set.of(
            "current_user",
            "current_date",
            "current_time",
            "current_timestamp",
            "localtime",
            "localtimestamp",
            "utc_date",
            "utc_time",
            "utc_timestamp");

    /** Words of a subquery or skipped expression that name no column. */
    private static final Set<String> KEYWORDS = Set.of(
            "SELECT",
            "DISTINCT",
            "ALL",
            "FROM",
            "AS",
            "WHERE",
            "AND",
            "OR",
            "NOT",
            "NULL",
            "TRUE",
            "FALSE",
            "IS",
            "IN",
            "EXISTS",
            "CASE",
            "WHEN",
            "THEN",
            "ELSE",
            "END",
            "BETWEEN",
            "LIKE",
            "ILIKE",
            "DUAL");

    /** Words that are not a column only before a string ({@code DATE '2020-01-01'}). */
    private static final Set<String> TYPED_LITERALS = Set.of("DATE", "TIME", "TIMESTAMP", "INTERVAL");

    /** Symbols followed by a name that is not a column: {@code ::type}, {@code @var}, {@code @@var}, {@code :param}. */
    private static final Set<String> VARIABLE_MARKS = Set.of("::", "@", "@@", ":");

    private RowReads() {}

    /** Whether the bare (unqualified, unquoted) name is a special value in this dialect, not a column. */
    static boolean specialValue(String name, Dialect dialect) {
        String lower = name.toLowerCase(Locale.ROOT);
        return (dialect == Dialect.MYSQL ? MYSQL_VALUES : POSTGRESQL_VALUES).contains(lower);
    }

    /** Whether the text is a whole Flyway placeholder {@code ${name}}: a value fixed for the run. */
    static boolean placeholder(String text) {
        return text.startsWith("${") && text.endsWith("}") && text.indexOf('}') == text.length() - 1;
    }

    /** Whether the condition may read the row (walked without recursion: a long chain is no problem). */
    static boolean readsRow(Cond cond) {
        Deque<Cond> todo = new ArrayDeque<>();
        todo.push(cond);
        while (!todo.isEmpty()) {
            Cond c = todo.pop();
            if (c instanceof Ref) {
                return true; // a column
            } else if (c instanceof Opaque o) {
                if (o.readsRow()) {
                    return true;
                }
            } else if (c instanceof Not n) {
                todo.push(n.operand());
            } else if (c instanceof And a) {
                todo.push(a.left());
                todo.push(a.right());
            } else if (c instanceof Or o) {
                todo.push(o.left());
                todo.push(o.right());
            } else if (c instanceof Cmp cmp) {
                todo.push(cmp.left());
                todo.push(cmp.right());
            } else if (c instanceof IsNull i) {
                todo.push(i.operand());
            } else if (c instanceof IsBool b) {
                todo.push(b.operand());
            } else if (c instanceof Cast cast) {
                todo.push(cast.operand());
            } else if (c instanceof Call call) {
                call.args().forEach(todo::push);
            } else if (!(c instanceof Lit)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether the tokens in {@code [from, to)} (a subquery, the arguments of a function, a {@code CASE}) may read the
     * row: every name counts as a column except keywords, function names, special values, placeholders, type names
     * after {@code ::} and {@code AS}, typed literals, and in a subquery a table (with its alias) right after
     * {@code FROM}.
     */
    static boolean readsRow(List<Tok> toks, int from, int to, Dialect dialect) {
        boolean select = false;
        for (int i = from; i < to; i++) {
            Tok t = toks.get(i);
            if (t.kind() == Tok.Kind.SYMBOL && VARIABLE_MARKS.contains(t.text())) {
                if (i + 1 < to && toks.get(i + 1).isName()) {
                    i++; // a type name after ::, a @variable or a :parameter
                }
                continue;
            }
            if (!t.isName() || literalWord(toks, i, to)) {
                continue;
            }
            if (t.kind() == Tok.Kind.WORD
                    && (KEYWORDS.contains(t.upper()) || placeholder(t.text()) || specialValue(t.text(), dialect))) {
                select |= t.is("SELECT");
                if (t.is("FROM") && select) {
                    i = table(toks, i + 1, to) - 1;
                } else if (t.is("AS") && i + 1 < to && toks.get(i + 1).isName()) {
                    i++; // an alias, or a type in CAST(x AS type)
                }
                continue;
            }
            int end = dotted(toks, i, to);
            if (end < to && toks.get(end).isSymbol("(")) {
                i = end - 1; // a function name: its arguments are read as they come
                continue;
            }
            return true;
        }
        return false;
    }

    /** {@code DATE '...'}, {@code INTERVAL '...'}, {@code ARRAY[...]}: a word that starts a value, not a column. */
    private static boolean literalWord(List<Tok> toks, int i, int to) {
        Tok t = toks.get(i);
        if (t.kind() != Tok.Kind.WORD || i + 1 >= to) {
            return false;
        }
        Tok next = toks.get(i + 1);
        return TYPED_LITERALS.contains(t.upper()) && next.kind() == Tok.Kind.STRING
                || t.is("ARRAY") && (next.isSymbol("[") || next.isSymbol("("));
    }

    /** The index after a table name and its alias starting at {@code i} (or {@code i} when there is none). */
    private static int table(List<Tok> toks, int i, int to) {
        if (i >= to || !toks.get(i).isName()) {
            return i;
        }
        int j = dotted(toks, i, to);
        if (j < to && toks.get(j).is("AS")) {
            j++;
        }
        if (j < to && toks.get(j).isName() && !KEYWORDS.contains(toks.get(j).upper())) {
            j++;
        }
        return j;
    }

    /** The index after the dotted name starting at {@code i}. */
    private static int dotted(List<Tok> toks, int i, int to) {
        int j = i + 1;
        while (j + 1 < to && toks.get(j).isSymbol(".") && toks.get(j + 1).isName()) {
            j += 2;
        }
        return j;
    }
}
