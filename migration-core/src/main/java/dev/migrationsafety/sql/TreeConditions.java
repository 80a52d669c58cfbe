package dev.migrationsafety.sql;

import dev.migrationsafety.sql.Cond.Cmp;
import dev.migrationsafety.sql.Cond.IsBool;
import dev.migrationsafety.sql.Cond.IsNull;
import dev.migrationsafety.sql.Cond.Lit;
import dev.migrationsafety.sql.Cond.Not;
import dev.migrationsafety.sql.Cond.Ref;
import java.math.BigDecimal;
import net.sf.jsqlparser.expression.BooleanValue;
import net.sf.jsqlparser.expression.DoubleValue;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.LongValue;
import net.sf.jsqlparser.expression.NotExpression;
import net.sf.jsqlparser.expression.NullValue;
import net.sf.jsqlparser.expression.SignedExpression;
import net.sf.jsqlparser.expression.StringValue;
import net.sf.jsqlparser.expression.operators.arithmetic.Concat;
import net.sf.jsqlparser.expression.operators.conditional.AndExpression;
import net.sf.jsqlparser.expression.operators.conditional.OrExpression;
import net.sf.jsqlparser.expression.operators.relational.ComparisonOperator;
import net.sf.jsqlparser.expression.operators.relational.DoubleAnd;
import net.sf.jsqlparser.expression.operators.relational.IsBooleanExpression;
import net.sf.jsqlparser.expression.operators.relational.IsNullExpression;
import net.sf.jsqlparser.expression.operators.relational.ParenthesedExpressionList;
import net.sf.jsqlparser.schema.Column;

/** Reads a JSqlParser {@code WHERE} expression into the evaluator's {@link Cond} tree (see {@link ConstantConditions}). */
final class TreeConditions {
    private final Dialect dialect;

    private TreeConditions(Dialect dialect) {
        this.dialect = dialect;
    }

    /** Whether the {@code WHERE} expression (present) holds for every row; {@code false} for {@code null}. */
    static boolean alwaysTrue(Expression where, Dialect dialect) {
        return where != null && ConstantConditions.alwaysTrue(new TreeConditions(dialect).read(where, 0), dialect);
    }

    private Cond read(Expression e, int depth) {
        if (depth > ConstantConditions.MAX_DEPTH) {
            return Cond.opaque();
        }
        int d = depth + 1;
        if (e instanceof BooleanValue b) {
            return new Lit(b.getValue());
        } else if (e instanceof NullValue) {
            return new Lit(null);
        } else if (e instanceof LongValue l) {
            return number(l.getStringValue());
        } else if (e instanceof DoubleValue v) {
            return number(v.toString());
        } else if (e instanceof StringValue s
                && (s.getPrefix() == null || s.getPrefix().isEmpty())) {
            return new Lit(s.getValue().replace("''", "'"));
        } else if (e instanceof SignedExpression s
                && (s.getExpression() instanceof LongValue || s.getExpression() instanceof DoubleValue)) {
            Cond n = read(s.getExpression(), d);
            return s.getSign() == '-' && n instanceof Lit l ? new Lit(((BigDecimal) l.value()).negate()) : n;
        } else if (e instanceof Column c) {
            String[] parts = c.getFullyQualifiedName().split("\\.", -1);
            StringBuilder name = new StringBuilder();
            for (String p : parts) {
                name.append(name.length() == 0 ? "" : ".").append(Identifiers.normalize(p, dialect));
            }
            return Ref.of(name.toString(), dialect);
        } else if (e instanceof ParenthesedExpressionList<?> list && list.size() == 1) {
            return read(list.get(0), d);
        } else if (e instanceof NotExpression n) {
            return new Not(read(n.getExpression(), d));
        } else if (e instanceof AndExpression a) {
            return new Cond.And(read(a.getLeftExpression(), d), read(a.getRightExpression(), d));
        } else if (e instanceof DoubleAnd a) {
            return new Cond.And(read(a.getLeftExpression(), d), read(a.getRightExpression(), d));
        } else if (e instanceof OrExpression o) {
            return new Cond.Or(read(o.getLeftExpression(), d), read(o.getRightExpression(), d));
        } else if (e instanceof Concat o && dialect == Dialect.MYSQL) {
            // MySQL reads || as OR unless sql_mode has PIPES_AS_CONCAT; JSqlParser always reads it as concatenation
            return new Cond.Or(read(o.getLeftExpression(), d), read(o.getRightExpression(), d));
        } else if (e instanceof ComparisonOperator c) {
            String op = Cond.comparison(c.getStringExpression().replace(" ", ""));
            return op == null
                    ? Cond.opaque()
                    : new Cmp(op, read(c.getLeftExpression(), d), read(c.getRightExpression(), d));
        } else if (e instanceof IsNullExpression n) {
            return new IsNull(read(n.getLeftExpression(), d), n.isNot() || n.isUseNotNull());
        } else if (e instanceof IsBooleanExpression b) {
            return new IsBool(read(b.getLeftExpression(), d), b.isTrue(), b.isNot());
        }
        return Cond.opaque();
    }

    private static Cond number(String text) {
        try {
            return new Lit(new BigDecimal(text));
        } catch (NumberFormatException e) {
            return Cond.opaque();
        }
    }
}
