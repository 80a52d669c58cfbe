package dev.migrationsafety.sql;

import dev.migrationsafety.sql.Operation.ObjectKind;
import java.util.ArrayList;
import java.util.List;

/** {@code DROP ...} read from tokens. */
final class TokenDrop {
    private final TokenClassifier classifier;

    TokenDrop(TokenClassifier classifier) {
        this.classifier = classifier;
    }

    void drop(TokenCursor c, TokenOps out) {
        boolean temporary = c.accept("TEMPORARY");
        Tok kindTok = c.next();
        if (kindTok == null || kindTok.kind() != Tok.Kind.WORD) {
            out.unclear("DROP without an object kind");
            return;
        }
        String kind = kindTok.upper();
        if (kind.equals("MATERIALIZED") && c.accept("VIEW")) {
            kind = "MATERIALIZED VIEW";
        } else if (kind.equals("EVENT") && c.accept("TRIGGER")) {
            kind = "EVENT TRIGGER";
        } else if (kind.equals("FOREIGN") && c.accept("TABLE")) {
            kind = "FOREIGN TABLE";
        }
        if (kind.equals("USER") || kind.equals("ROLE") || kind.equals("GROUP")) {
            return; // no table data; TokenServer reports it as a role change (MySQL names users 'name'@'host')
        }
        if (kind.equals("OWNED")) {
            owned(c, out);
            return;
        }
        boolean concurrently = kind.equals("INDEX") && c.accept("CONCURRENTLY");
        boolean ifExists = c.accept("IF", "EXISTS");
        List<List<String>> names = new ArrayList<>();
        TableName on = null;
        while (!c.atEnd()) {
            List<String> parts = c.dottedName();
            if (parts == null) {
                break;
            }
            names.add(parts);
            c.skipParens(); // function and procedure argument lists
            if (c.accept("ON")) { // DROP TRIGGER t ON tab, DROP POLICY p ON tab, MySQL DROP INDEX i ON tab
                List<String> target = c.dottedName();
                on = target == null ? null : classifier.name(target);
            }
            if (!c.acceptSymbol(",")) {
                break;
            }
        }
        boolean cascade = TokenCursor.topLevelWord(c.toks, c.pos, c.end, "CASCADE");
        if (names.isEmpty()) {
            out.unclear("DROP " + kind + " without a name");
            return;
        }
        switch (kind) {
            case "TABLE" ->
                names.forEach(n -> out.add(new Operation.DropTable(classifier.name(n), ifExists, cascade, temporary)));
            case "INDEX" -> {
                for (List<String> n : names) {
                    TableName index = classifier.name(n);
                    TableName table = on;
                    out.add(new Operation.DropIndex(table, index.name(), concurrently, ifExists, cascade));
                }
            }
            default -> {
                ObjectKind objectKind = TokenClassifier.kindOf(kind);
                if (objectKind == ObjectKind.OTHER && !otherKnown(kind)) {
                    out.unclear("DROP " + kind);
                    return;
                }
                for (List<String> n : names) {
                    out.add(new Operation.DropObject(objectKind, classifier.name(n), ifExists, cascade));
                }
            }
        }
    }

    /** PostgreSQL {@code DROP OWNED BY role [, ...] [CASCADE | RESTRICT]}. */
    private void owned(TokenCursor c, TokenOps out) {
        List<String> roles = new ArrayList<>();
        if (c.accept("BY")) {
            do {
                Tok role = c.next();
                if (role == null || !role.isName()) {
                    break;
                }
                roles.add(classifier.ident(role));
            } while (c.acceptSymbol(","));
        }
        if (roles.isEmpty()) {
            out.unclear("DROP OWNED without BY role (drops every object a role owns)");
            return;
        }
        out.add(new Operation.DropOwned(roles, c.accept("CASCADE")));
    }

    /** Object kinds whose drop loses no table data (it may break things, which other operations show). */
    private static boolean otherKnown(String kind) {
        return switch (kind) {
            case "POLICY",
                    "RULE",
                    "PUBLICATION",
                    "SUBSCRIPTION",
                    "STATISTICS",
                    "AGGREGATE",
                    "OPERATOR",
                    "COLLATION",
                    "CAST",
                    "SERVER",
                    "FOREIGN TABLE",
                    "CONVERSION",
                    "LANGUAGE",
                    "ROUTINE",
                    "TRANSFORM",
                    "EVENT",
                    "SYNONYM",
                    "ALIAS",
                    "CONSTANT",
                    "TABLESPACE" -> true;
            default -> false;
        };
    }
}
