package dev.migrationsafety.sql;

import dev.migrationsafety.sql.Operation.ObjectKind;
import java.util.List;

/**
 * PostgreSQL {@code CREATE [OR REPLACE] RULE name AS ON event TO table [WHERE ...] DO [ALSO | INSTEAD] {NOTHING |
 * command | (command; ...)}}, read from tokens. The rule's commands run on every future {@code event}: they are
 * classified like the statements of a trigger body.
 */
final class TokenRule {
    private final TokenClassifier classifier;

    TokenRule(TokenClassifier classifier) {
        this.classifier = classifier;
    }

    /** After {@code CREATE [OR REPLACE] RULE}. */
    void rule(TokenCursor c, TokenOps out, int depth, boolean orReplace) {
        List<String> name = c.dottedName();
        if (name == null || !c.accept("AS", "ON")) {
            out.unclear("CREATE RULE that is not 'name AS ON event TO table'");
            return;
        }
        Tok event = c.next();
        List<String> table = c.accept("TO") ? c.dottedName() : null;
        if (event == null || table == null) {
            out.unclear("CREATE RULE without an event and a table");
            return;
        }
        out.add(new Operation.CreateObject(ObjectKind.OTHER, classifier.name(name), orReplace));
        int doAt = TokenCursor.indexOfTopLevel(c.toks, c.pos, c.end, "DO");
        if (doAt < 0) {
            out.unclear("CREATE RULE without DO");
            return;
        }
        c.pos = doAt + 1;
        boolean instead = c.accept("INSTEAD");
        c.accept("ALSO");
        String action;
        if (c.accept("NOTHING")) {
            action = "NOTHING";
        } else if (c.isSymbol("(")) {
            int open = c.pos;
            int close = c.matching(open);
            int start = open + 1;
            for (int i = start; i <= close; i++) {
                if (i == close || c.toks.get(i).isSymbol(";")) {
                    classifier.classify(c.toks, start, i, out, depth + 1);
                    start = i + 1;
                }
            }
            action = TokenCursor.text(c.toks, open, Math.min(close + 1, open + 5)) + (close > open + 4 ? " ..." : "");
        } else {
            action = TokenCursor.text(c.toks, c.pos, Math.min(c.end, c.pos + 4)) + (c.end > c.pos + 4 ? " ..." : "");
            classifier.classify(c.toks, c.pos, c.end, out, depth + 1);
        }
        out.add(new Operation.CreateRule(classifier.name(table), event.upper(), instead, action));
    }
}
