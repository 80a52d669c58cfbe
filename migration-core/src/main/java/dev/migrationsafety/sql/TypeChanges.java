package dev.migrationsafety.sql;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What a column type change does to the values already stored: destroys them (a {@code USING} that does not read
 * the column, such as {@code USING NULL} or any other constant; one that cuts values, such as {@code left(c, 10)},
 * {@code substring(...)} or a cast to a shorter string type), or narrows what the column can hold (see
 * {@link TypeNarrowing}), so that longer or larger values are truncated, rounded or rejected.
 */
public final class TypeChanges {
    /** Functions whose result keeps only part of a value. */
    private static final Set<String> CUTTING =
            Set.of("LEFT", "RIGHT", "SUBSTRING", "SUBSTR", "MID", "TRUNC", "TRUNCATE", "DATE_TRUNC", "SPLIT_PART");

    private TypeChanges() {}

    public enum Kind {
        /** Stored values are replaced or cut: critical. */
        DESTROYS,
        /** The new type holds less than the old one: values that do not fit are truncated, rounded or rejected. */
        NARROWS
    }

    /** @param reason why, for the finding's message */
    public record Loss(Kind kind, String reason) {}

    /**
     * The loss a type change causes, or {@code null} when none is known.
     *
     * @param oldType the column's type before the change, or {@code null} when unknown
     */
    public static Loss assess(Operation.ChangeColumnType change, String oldType, Dialect dialect) {
        if (change.usingText() != null && !change.usingText().isBlank()) {
            Loss using = using(change.column(), change.usingText(), oldType, dialect);
            if (using != null) {
                return using;
            }
        }
        if (oldType != null && !oldType.isBlank()) {
            String narrowing = TypeNarrowing.narrowing(oldType, change.newType(), dialect);
            return narrowing == null ? null : new Loss(Kind.NARROWS, narrowing);
        }
        TypeNarrowing.Type to = TypeNarrowing.parse(change.newType(), dialect);
        if (to != null
                && to.family() == TypeNarrowing.Family.TEXT
                && to.bounded()
                && change.newType().contains("(")) {
            return new Loss(
                    Kind.NARROWS, "values longer than " + to.size() + " characters, if any, are truncated or rejected");
        }
        return null;
    }

    /**
     * Whether the change is one PostgreSQL makes without a rewrite and without touching a value (a longer
     * {@code varchar}, {@code varchar} to {@code text}): only when the old type is known and there is no
     * {@code USING}.
     */
    public static boolean widensInPlace(Operation.ChangeColumnType change, String oldType, Dialect dialect) {
        return dialect == Dialect.POSTGRESQL
                && !change.using()
                && (change.usingText() == null || change.usingText().isBlank())
                && oldType != null
                && TypeNarrowing.widensInPlace(oldType, change.newType());
    }

    private static Loss using(String column, String text, String oldType, Dialect dialect) {
        List<Tok> toks = StatementAnalyzer.relex(text, dialect);
        if (toks.isEmpty()) {
            return null;
        }
        String shown = "USING " + display(toks);
        boolean reads = false;
        for (int i = 0; i < toks.size(); i++) {
            Tok t = toks.get(i);
            boolean call = i + 1 < toks.size() && toks.get(i + 1).isSymbol("(");
            if (t.isName() && !call && sameColumn(Identifiers.normalize(t.text(), dialect), column, dialect)) {
                reads = true;
            }
            if (t.kind() == Tok.Kind.WORD && call && CUTTING.contains(t.upper())) {
                return new Loss(Kind.DESTROYS, shown + " keeps only part of each value");
            }
        }
        if (!reads) {
            return new Loss(
                    Kind.DESTROYS,
                    toks.size() == 1 && toks.get(0).is("NULL")
                            ? shown + " sets every value to NULL"
                            : constant(toks)
                                    ? shown + " sets every row to the same value"
                                    : shown + " does not read " + column + ": every value is replaced");
        }
        for (int i = 0; i < toks.size(); i++) {
            String cast = castType(toks, i);
            if (cast == null) {
                continue;
            }
            TypeNarrowing.Type type = TypeNarrowing.parse(cast, dialect);
            if (type == null || type.family() != TypeNarrowing.Family.TEXT || !type.bounded()) {
                continue;
            }
            if (oldType == null || oldType.isBlank()) {
                return new Loss(
                        Kind.DESTROYS,
                        shown + " casts to " + cast + ", which cuts values longer than " + type.size() + " characters");
            }
            String narrowing = TypeNarrowing.narrowing(oldType, cast, dialect);
            if (narrowing != null) {
                return new Loss(
                        Kind.DESTROYS, shown + " casts " + narrowing.replace(" truncates or rejects", " and cuts"));
            }
        }
        return null;
    }

    /** The type of a cast that starts at {@code i} ({@code ::type} or {@code CAST(x AS type)}), else {@code null}. */
    private static String castType(List<Tok> toks, int i) {
        int from;
        int to;
        if (toks.get(i).isSymbol("::")) {
            from = i + 1;
            to = from;
            while (to < toks.size() && toks.get(to).isName()) {
                to++;
            }
            if (to < toks.size() && toks.get(to).isSymbol("(")) {
                while (to < toks.size() && !toks.get(to).isSymbol(")")) {
                    to++;
                }
                to++;
            }
        } else if (toks.get(i).is("AS") && i > 0) {
            from = i + 1;
            to = from;
            int depth = 0;
            while (to < toks.size() && (depth > 0 || !toks.get(to).isSymbol(")"))) {
                depth += toks.get(to).isSymbol("(") ? 1 : toks.get(to).isSymbol(")") ? -1 : 0;
                to++;
            }
        } else {
            return null;
        }
        to = Math.min(to, toks.size());
        return from < to ? ColumnSpecs.typeText(TokenCursor.text(toks, from, to)) : null;
    }

    /** Whether the expression is a literal, possibly cast ({@code NULL}, {@code 0}, {@code 'x'::text}). */
    private static boolean constant(List<Tok> toks) {
        int i = 0;
        if (toks.get(0).is("CAST") && toks.size() > 2 && toks.get(1).isSymbol("(")) {
            i = 2;
        }
        while (i < toks.size() && (toks.get(i).isSymbol("(") || toks.get(i).isSymbol("-"))) {
            i++;
        }
        if (i >= toks.size()) {
            return false;
        }
        Tok t = toks.get(i);
        return t.kind() == Tok.Kind.NUMBER
                || t.kind() == Tok.Kind.STRING
                || t.kind() == Tok.Kind.DOLLAR
                || t.is("NULL")
                || t.is("TRUE")
                || t.is("FALSE");
    }

    private static boolean sameColumn(String name, String column, Dialect dialect) {
        return dialect == Dialect.POSTGRESQL || dialect == Dialect.H2
                ? name.equals(column)
                : name.toLowerCase(Locale.ROOT).equals(column.toLowerCase(Locale.ROOT));
    }

    /** The expression as written, compactly: {@code left(c, 10)}, {@code c::varchar(20)}. */
    private static String display(List<Tok> toks) {
        StringBuilder b = new StringBuilder();
        Tok previous = null;
        for (Tok t : toks) {
            boolean tight = previous == null
                    || t.isSymbol(")")
                    || t.isSymbol(",")
                    || t.isSymbol("::")
                    || previous.isSymbol("(")
                    || previous.isSymbol("::")
                    || (t.isSymbol("(") && previous.isName());
            if (!tight) {
                b.append(' ');
            }
            b.append(t.text());
            previous = t;
        }
        String s = b.toString();
        return s.length() > 80 ? s.substring(0, 77) + "..." : s;
    }
}
