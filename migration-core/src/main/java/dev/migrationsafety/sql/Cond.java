package dev.migrationsafety.sql;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;

/**
 * A {@code WHERE} condition or one of its operands, as far as {@link ConstantConditions} understands it. The tree
 * reader ({@link TreeConditions}) and the token reader ({@link TokenConditions}) both translate into this form.
 */
sealed interface Cond {

    /** A literal: a {@link BigDecimal}, a {@link String}, a {@link Boolean}, or {@code null} for SQL NULL. */
    record Lit(Object value) implements Cond {}

    /** A column, by its normalised (possibly qualified) name. */
    record Ref(String name) implements Cond {
        /** A column reference; MySQL's column names ignore case. */
        static Ref of(String normalised, Dialect dialect) {
            return new Ref(dialect == Dialect.MYSQL ? normalised.toLowerCase(Locale.ROOT) : normalised);
        }
    }

    /**
     * Anything else (functions, subqueries, arithmetic): equal only to itself, never folded. It may read the row
     * (a column inside it, a subquery that may be correlated, anything not understood), or not ({@code now()},
     * {@code $1}, {@code current_user}, {@code (SELECT count(*) FROM t)}).
     */
    final class Opaque implements Cond {
        private final boolean readsRow;

        Opaque(boolean readsRow) {
            this.readsRow = readsRow;
        }

        boolean readsRow() {
            return readsRow;
        }

        @Override
        public String toString() {
            return "?";
        }
    }

    record Not(Cond operand) implements Cond {}

    record And(Cond left, Cond right) implements Cond {}

    record Or(Cond left, Cond right) implements Cond {}

    /** {@code op} is one of {@code = <> < <= > >= <=>} ({@code !=} is read as {@code <>}). */
    record Cmp(String op, Cond left, Cond right) implements Cond {}

    record IsNull(Cond operand, boolean not) implements Cond {}

    /** {@code IS [NOT] TRUE / FALSE}. */
    record IsBool(Cond operand, boolean value, boolean not) implements Cond {}

    /** {@code CAST(operand AS type)} or {@code operand::type}; {@code type} lower case, modifiers included. */
    record Cast(Cond operand, String type) implements Cond {}

    /** {@code coalesce}, {@code ifnull} or {@code nullif} (lower case): functions the evaluator folds. */
    record Call(String name, List<Cond> args) implements Cond {
        public Call {
            args = List.copyOf(args);
        }
    }

    /** An operand the evaluator does not understand, which may read the row. */
    static Cond opaque() {
        return new Opaque(true);
    }

    /** An operand with the same value for every row, unknown to the evaluator ({@code now()}, {@code $1}). */
    static Cond constant() {
        return new Opaque(false);
    }

    /** An operand made of these parts, which reads the row when one of them may ({@code null}: not read, may). */
    static Cond opaque(Cond... parts) {
        for (Cond part : parts) {
            if (part == null || RowReads.readsRow(part)) {
                return opaque();
            }
        }
        return constant();
    }

    /** More items than this in {@code IN (...)} are not read as comparisons (keeps the tree shallow). */
    int MAX_IN_LIST = 32;

    /** {@code x BETWEEN lo AND hi}: {@code x >= lo AND x <= hi}, either way round when symmetric. */
    static Cond between(Cond x, Cond lo, Cond hi, boolean symmetric) {
        Cond ascending = new And(new Cmp(">=", x, lo), new Cmp("<=", x, hi));
        return symmetric ? new Or(ascending, new And(new Cmp(">=", x, hi), new Cmp("<=", x, lo))) : ascending;
    }

    /** {@code x IN (a, b, ...)}: {@code x = a OR x = b OR ...} ({@code null} items: not read). */
    static Cond in(Cond x, List<Cond> items) {
        if (items.isEmpty() || items.size() > MAX_IN_LIST || items.contains(null)) {
            Cond[] parts = new Cond[items.size() + 1];
            parts[0] = x;
            for (int i = 0; i < items.size(); i++) {
                parts[i + 1] = items.get(i);
            }
            return opaque(parts);
        }
        Cond result = null;
        for (Cond item : items) {
            Cond eq = new Cmp("=", x, item);
            result = result == null ? eq : new Or(result, eq);
        }
        return result;
    }

    /** The comparison operator as the evaluator spells it, or {@code null} when it is not a plain comparison. */
    static String comparison(String op) {
        return switch (op) {
            case "=", "==" -> "=";
            case "<>", "!=" -> "<>";
            case "<", "<=", ">", ">=", "<=>" -> op;
            default -> null;
        };
    }
}
