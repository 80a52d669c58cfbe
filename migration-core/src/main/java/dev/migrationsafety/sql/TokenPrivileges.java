package dev.migrationsafety.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Roles and privileges read from tokens, for {@link TokenServer}: {@code CREATE / ALTER / DROP ROLE | USER |
 * GROUP}, MySQL {@code RENAME USER} and {@code SET PASSWORD}, and {@code GRANT} of privileges or of role membership.
 */
final class TokenPrivileges {
    private TokenPrivileges() {}

    /** {@code ROLE | USER | GROUP name ...} after CREATE, ALTER or DROP; false when it is none of those. */
    static boolean role(TokenCursor c, String verb, TokenOps out) {
        if (!(c.is("ROLE") || c.is("USER") || c.is("GROUP")) || c.is("USER", "MAPPING")) {
            return false;
        }
        String kind = c.next().upper().toLowerCase(Locale.ROOT);
        c.accept("IF", "EXISTS");
        c.accept("IF", "NOT", "EXISTS");
        String name = text(c);
        List<String> notable = new ArrayList<>(2);
        if (TokenCursor.topLevelWord(c.toks, c.pos, c.end, "SUPERUSER")) {
            notable.add("SUPERUSER");
        }
        if (TokenCursor.topLevelWord(c.toks, c.pos, c.end, "PASSWORD")
                || TokenCursor.topLevelWord(c.toks, c.pos, c.end, "IDENTIFIED")) {
            notable.add("password");
        }
        out.add(new Operation.ChangeRole(
                name,
                verb + " " + kind + " " + name + (notable.isEmpty() ? "" : " (" + String.join(", ", notable) + ")")));
        return true;
    }

    /** MySQL {@code SET PASSWORD [FOR user] = ...}; after {@code PASSWORD}. */
    static void setPassword(TokenCursor c, TokenOps out) {
        String user = c.accept("FOR") ? text(c) : "of the current user";
        out.add(new Operation.ChangeRole(user, "sets the password " + (user.startsWith("of") ? "" : "of ") + user));
    }

    /** MySQL {@code RENAME USER a TO b}; after {@code RENAME}. */
    static void renameUser(TokenCursor c, TokenOps out) {
        if (c.accept("USER")) {
            String user = text(c);
            out.add(new Operation.ChangeRole(user, "renames user " + user));
        }
    }

    /** {@code GRANT privileges ON target TO grantees} or {@code GRANT role TO grantees}. */
    static void grant(TokenCursor c, TokenOps out) {
        int on = TokenCursor.indexOfTopLevel(c.toks, c.pos, c.end, "ON");
        int to = TokenCursor.indexOfTopLevel(c.toks, c.pos, c.end, "TO");
        if (to < 0) {
            return;
        }
        boolean membership = on < 0 || on > to;
        List<String> privileges = new ArrayList<>();
        for (int[] part : TokenCursor.splitTopLevel(c.toks, c.pos, membership ? to : on)) {
            Tok first = c.toks.get(part[0]);
            privileges.add(membership ? TokenCursor.text(c.toks, part[0], part[1]) : first.upper());
        }
        String target = membership ? null : compact(TokenCursor.text(c.toks, on + 1, to));
        List<String> grantees = new ArrayList<>();
        int end = c.end;
        for (String stop : new String[] {"WITH", "GRANTED", "IDENTIFIED", "REQUIRE"}) {
            int at = TokenCursor.indexOfTopLevel(c.toks, to + 1, end, stop);
            end = at < 0 ? end : at;
        }
        for (int[] part : TokenCursor.splitTopLevel(c.toks, to + 1, end)) {
            int from = c.toks.get(part[0]).is("GROUP") ? part[0] + 1 : part[0];
            grantees.add(compact(TokenCursor.text(c.toks, from, part[1])));
        }
        out.add(new Operation.Grant(privileges, target, grantees));
    }

    /** The next name as written: a word, a quoted name or MySQL {@code 'user'@'host'}, up to a space-separated word. */
    private static String text(TokenCursor c) {
        int start = c.pos;
        c.next();
        while (!c.atEnd()
                && !c.peek().is("WITH")
                && (c.peek().kind() == Tok.Kind.OTHER
                        || c.isSymbol("@")
                        || (c.pos > 0 && c.toks.get(c.pos - 1).isSymbol("@")))) {
            c.next();
        }
        return compact(TokenCursor.text(c.toks, start, c.pos));
    }

    /** Tokens joined by spaces, without the spaces around {@code .} and {@code @} ({@code *.*}, {@code 'u'@'h'}). */
    static String compact(String text) {
        return text.replace(" . ", ".").replace(" @ ", "@").replace("@ ", "@").replace(" @", "@");
    }
}
