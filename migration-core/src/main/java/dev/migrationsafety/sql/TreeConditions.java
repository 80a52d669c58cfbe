package dev.migrationsafety.sql;

import dev.migrationsafety.sql.Cond.Cmp;
import dev.migrationsafety.sql.Cond.IsBool;
import dev.migrationsafety.sql.Cond.IsNull;
import dev.migrationsafety.sql.Cond.Lit;
import dev.migrationsafety.sql.Cond.Not;
import dev.migrationsafety.sql.Cond.Ref;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import net.sf.jsqlparser.expression.BinaryExpression;
import net.sf.jsqlparser.expression.BooleanValue;
import net.sf.jsqlparser.expression.CaseExpression;
import net.sf.jsqlparser.expression.CastExpression;
import net.sf.jsqlparser.expression.DateTimeLiteralExpression;
import net.sf.jsqlparser.expression.DoubleValue;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.Function;
import net.sf.jsqlparser.expression.HexValue;
import net.sf.jsqlparser.expression.IntervalExpression;
import net.sf.jsqlparser.expression.JdbcNamedParameter;
import net.sf.jsqlparser.expression.JdbcParameter;
import net.sf.jsqlparser.expression.LongValue;
import net.sf.jsqlparser.expression.NotExpression;
import net.sf.jsqlparser.expression.NullValue;
import net.sf.jsqlparser.expression.SignedExpression;
import net.sf.jsqlparser.expression.StringValue;
import net.sf.jsqlparser.expression.TimeKeyExpression;
import net.sf.jsqlparser.expression.UserVariable;
import net.sf.jsqlparser.expression.VariableAssignment;
import net.sf.jsqlparser.expression.WhenClause;
import net.sf.jsqlparser.expression.operators.arithmetic.Concat;
import net.sf.jsqlparser.expression.operators.conditional.AndExpression;
import net.sf.jsqlparser.expression.operators.conditional.OrExpression;
import net.sf.jsqlparser.expression.operators.relational.Between;
import net.sf.jsqlparser.expression.operators.relational.ComparisonOperator;
import net.sf.jsqlparser.expression.operators.relational.DoubleAnd;
import net.sf.jsqlparser.expression.operators.relational.ExistsExpression;
import net.sf.jsqlparser.expression.operators.relational.ExpressionList;
import net.sf.jsqlparser.expression.operators.relational.InExpression;
import net.sf.jsqlparser.expression.operators.relational.IsBooleanExpression;
import net.sf.jsqlparser.expression.operators.relational.IsNullExpression;
import net.sf.jsqlparser.expression.operators.relational.ParenthesedExpressionList;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.select.AllColumns;
import net.sf.jsqlparser.statement.select.AllTableColumns;
import net.sf.jsqlparser.statement.select.ParenthesedSelect;
import net.sf.jsqlparser.statement.select.PlainSelect;
import net.sf.jsqlparser.statement.select.SelectItem;

/** Reads a JSqlParser {@code WHERE} expression into the evaluator's {@link Cond} tree (see {@link ConstantConditions}). */
final class TreeConditions {
    private final Dialect dialect;

    private TreeConditions(Dialect dialect) {
        this.dialect = dialect;
    }

    /** Whether the {@code WHERE} expression (present) holds for every row; {@code false} for {@code null}. */
    static boolean alwaysTrue(Expression where, Dialect dialect) {
        return verdict(where, dialect) == ConstantConditions.Verdict.ALWAYS_TRUE;
    }

    /** What the {@code WHERE} expression says about the rows ({@code null}: restricts, there is none). */
    static ConstantConditions.Verdict verdict(Expression where, Dialect dialect) {
        return where == null
                ? ConstantConditions.Verdict.RESTRICTS
                : ConstantConditions.verdict(new TreeConditions(dialect).read(where, 0), dialect);
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
        } else if (e instanceof StringValue s) {
            return s.getPrefix() == null || s.getPrefix().isEmpty()
                    ? new Lit(s.getValue().replace("''", "'"))
                    : Cond.constant(); // E'...', N'...', a typed literal
        } else if (e instanceof HexValue
                || e instanceof DateTimeLiteralExpression
                || e instanceof TimeKeyExpression
                || e instanceof JdbcParameter
                || e instanceof JdbcNamedParameter
                || e instanceof UserVariable
                || e instanceof AllColumns && !(e instanceof AllTableColumns)) {
            return Cond.constant(); // the same for every row
        } else if (e instanceof SignedExpression s
                && (s.getExpression() instanceof LongValue || s.getExpression() instanceof DoubleValue)) {
            Cond n = read(s.getExpression(), d);
            return s.getSign() == '-' && n instanceof Lit l ? new Lit(((BigDecimal) l.value()).negate()) : n;
        } else if (e instanceof Column c) {
            if (c.getTable() == null || c.getTable().getFullyQualifiedName().isEmpty()) {
                String name = c.getColumnName();
                if (RowReads.specialValue(name, dialect) || RowReads.placeholder(unquoted(name))) {
                    return Cond.constant(); // current_user, current_date, ${flag}: not a column
                }
            }
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
        return other(e, d);
    }

    /** Casts, {@code BETWEEN}, {@code IN}, functions, subqueries and the rest. */
    private Cond other(Expression e, int d) {
        if (e instanceof CastExpression c && c.getColDataType() != null) {
            List<String> args = c.getColDataType().getArgumentsStringList();
            String type = c.getColDataType().getDataType() + (args == null || args.isEmpty() ? "" : "(" + args + ")");
            return new Cond.Cast(read(c.getLeftExpression(), d), type.toLowerCase(Locale.ROOT));
        } else if (e instanceof Between b) {
            Cond x = read(b.getLeftExpression(), d);
            Cond lo = read(b.getBetweenExpressionStart(), d);
            Cond hi = read(b.getBetweenExpressionEnd(), d);
            Cond between = Cond.between(x, lo, hi, b.isUsingSymmetric());
            return b.isNot() ? new Not(between) : between;
        } else if (e instanceof InExpression in) {
            Cond left = read(in.getLeftExpression(), d);
            Cond result = in.getRightExpression() instanceof ParenthesedExpressionList<?> list
                    ? Cond.in(left, readAll(list, d))
                    : Cond.opaque(left, read(in.getRightExpression(), d));
            return in.isNot() ? new Not(result) : result;
        } else if (e instanceof ExistsExpression x) {
            return Cond.opaque(read(x.getRightExpression(), d));
        } else if (e instanceof ParenthesedSelect p) {
            return subquery(p, d) ? Cond.opaque() : Cond.constant();
        } else if (e instanceof Function f) {
            return function(f, d);
        } else if (e instanceof VariableAssignment v) {
            // JSqlParser reads MySQL's WHERE @flag = 1 as an assignment: a comparison of a variable, or := assigning
            Cond value = read(v.getExpression(), d);
            return "=".equals(v.getOperation()) ? new Cmp("=", Cond.constant(), value) : Cond.opaque(value);
        } else if (e instanceof CaseExpression c) {
            List<Cond> parts = new ArrayList<>();
            parts.add(c.getSwitchExpression() == null ? new Lit(null) : read(c.getSwitchExpression(), d));
            parts.add(c.getElseExpression() == null ? new Lit(null) : read(c.getElseExpression(), d));
            for (WhenClause w : c.getWhenClauses()) {
                parts.add(read(w.getWhenExpression(), d));
                parts.add(read(w.getThenExpression(), d));
            }
            return Cond.opaque(parts.toArray(Cond[]::new));
        } else if (e instanceof IntervalExpression i) {
            return i.getExpression() == null ? Cond.constant() : Cond.opaque(read(i.getExpression(), d));
        } else if (e instanceof SignedExpression s) {
            return Cond.opaque(read(s.getExpression(), d));
        } else if (e instanceof BinaryExpression b) {
            return Cond.opaque(read(b.getLeftExpression(), d), read(b.getRightExpression(), d)); // arithmetic, LIKE
        } else if (e instanceof ParenthesedExpressionList<?> list) {
            return Cond.opaque(readAll(list, d).toArray(Cond[]::new)); // a row (a, b)
        }
        return Cond.opaque(); // anything else may read the row
    }

    /** A function call: folded ({@code coalesce}, {@code nullif}), or opaque, reading the row if an argument does. */
    private Cond function(Function f, int d) {
        if (f.getNamedParameters() != null || f.getKeep() != null || f.getOrderByElements() != null) {
            return Cond.opaque();
        }
        List<Cond> args = f.getParameters() == null ? List.of() : readAll(f.getParameters(), d);
        String name = f.getName() == null ? "" : f.getName().toLowerCase(Locale.ROOT);
        if (name.equals("coalesce") || name.equals("ifnull") || name.equals("nullif")) {
            return new Cond.Call(name, args);
        }
        return Cond.opaque(args.toArray(Cond[]::new));
    }

    /**
     * Whether a subquery may read the outer row: unless it is a plain {@code SELECT} of expressions that name no
     * column, from at most one table, with a {@code WHERE} that names none, it may (correlated, as far as is known).
     */
    private boolean subquery(ParenthesedSelect p, int d) {
        if (!(p.getSelect() instanceof PlainSelect s)
                || s.getWithItemsList() != null
                || s.getJoins() != null && !s.getJoins().isEmpty()
                || s.getDistinct() != null && s.getDistinct().getOnSelectItems() != null
                || s.getGroupBy() != null
                || s.getHaving() != null
                || s.getOrderByElements() != null
                || s.getLimit() != null
                || s.getOffset() != null
                || s.getFromItem() != null && !(s.getFromItem() instanceof Table)) {
            return true;
        }
        for (SelectItem<?> item : s.getSelectItems()) {
            if (RowReads.readsRow(read(item.getExpression(), d))) {
                return true;
            }
        }
        return s.getWhere() != null && RowReads.readsRow(read(s.getWhere(), d));
    }

    private List<Cond> readAll(ExpressionList<?> list, int d) {
        List<Cond> out = new ArrayList<>(list.size());
        for (Expression x : list) {
            out.add(read(x, d));
        }
        return out;
    }

    private static String unquoted(String name) {
        return name.length() >= 2 && name.startsWith("\"") && name.endsWith("\"")
                ? name.substring(1, name.length() - 1)
                : name;
    }

    private static Cond number(String text) {
        try {
            return new Lit(new BigDecimal(text));
        } catch (NumberFormatException e) {
            return Cond.opaque();
        }
    }
}
