package dev.migrationsafety.sql;

import java.math.BigDecimal;
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

    /** Anything else (functions, subqueries, arithmetic): equal only to itself, never folded. */
    final class Opaque implements Cond {
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

    static Cond opaque() {
        return new Opaque();
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
