package dev.migrationsafety.fuzz;

import dev.migrationsafety.sql.Dialect;
import dev.migrationsafety.sql.SqlLexer;
import dev.migrationsafety.sql.SqlSplitter;
import dev.migrationsafety.sql.Token;
import dev.migrationsafety.sql.TokenType;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Decides whether a destructive statement of a seed is still there, as SQL a database would run, in a mutant: the
 * fuzzer may only demand that the analysis finds what is still there.
 *
 * <p>A destructive statement counts as still there when (1) its own text, from its first token through the end of
 * the line holding its terminator, occurs unchanged in the mutant, starting a token (not inside a comment, a psql
 * command or a {@code DELIMITER} line begun before it), and (2) everything before that occurrence reads
 * as complete statements: the lexer finds no unterminated string, quoted name, dollar quote or comment in it (the
 * splitter reports no problem), parentheses and routine bodies ({@code BEGIN}/{@code CASE} ... {@code END}) are
 * balanced, no statement is left open (the last significant token is a delimiter, a {@code DELIMITER} directive or
 * a psql command), and a {@code COPY ... FROM stdin} has its data ended by {@code \.}. Then a database client would
 * send the statement on its own, exactly as in the seed, whatever came before it or comes after it.
 *
 * <p>A mutant that is not UTF-8 text (invalid bytes, a NUL byte) is no longer valid SQL for Flyway, which reads
 * UTF-8; the fuzzer demands a {@code not-analysable} finding for it instead.
 *
 * <p>Condition (2) is computed here from the lexer's tokens, independently of the splitter's own nesting rules, so
 * that a splitter that wrongly swallows a statement is caught rather than excused. The oracle errs towards "no
 * longer valid" (a {@code BEGIN} in a {@code CREATE} counts as a body, whatever follows it), which only makes the
 * fuzzer demand less; the share of mutants it still judges valid is logged to show it is not vacuous.
 */
final class ValidityOracle {
    private static final Set<String> END_NOT_CLOSING = Set.of("IF", "LOOP", "WHILE", "REPEAT", "FOR");

    private ValidityOracle() {}

    /** Where the destructive statement {@code own} still stands in {@code mutant} with a clean prefix, or -1. */
    static int stillThere(Dialect dialect, String mutant, String own) {
        int from = 0;
        for (int tries = 0; tries < 3; tries++) {
            int at = mutant.indexOf(own, from);
            if (at < 0) {
                return -1;
            }
            if (startsToken(dialect, mutant, at, own.length())
                    && completeStatements(dialect, mutant.substring(0, at))) {
                return at;
            }
            from = at + 1;
        }
        return -1;
    }

    /**
     * Whether a token starts at {@code at} and none before it runs past it: the text is not the tail of a comment,
     * a psql command or a {@code DELIMITER} line that began before it.
     */
    static boolean startsToken(Dialect dialect, String mutant, int at, int length) {
        SqlLexer lexer = SqlLexer.forScript(dialect, "", mutant.substring(0, Math.min(mutant.length(), at + length)));
        for (Token t = lexer.next(); t != null; t = lexer.next()) {
            if (t.start() >= at) {
                return t.start() == at;
            }
            if (t.end() > at) {
                return false;
            }
        }
        return false;
    }

    /** Whether {@code prefix} is a sequence of complete statements that leaves nothing open. */
    static boolean completeStatements(Dialect dialect, String prefix) {
        if (!new SqlSplitter(dialect).split("", prefix).problems().isEmpty()) {
            return false;
        }
        String rest = prefix;
        while (true) {
            State state = new State();
            SqlLexer lexer = SqlLexer.forScript(dialect, "", rest);
            int copyDataFrom = -1;
            for (Token t = lexer.next(); t != null; t = lexer.next()) {
                if (!t.isSignificant() || t.type() == TokenType.EXECUTABLE_COMMENT_MARKER) {
                    continue;
                }
                if (t.type() == TokenType.DELIMITER_DIRECTIVE || t.type() == TokenType.BACKSLASH_COMMAND) {
                    state.end();
                } else if (t.type() == TokenType.DELIMITER) {
                    state.next(null);
                    boolean custom = !t.text().equals(";");
                    if (!custom && state.nested()) {
                        state.words.add(";"); // held inside parentheses or a body
                        continue;
                    }
                    boolean copy = state.copyFromStdin();
                    state.end();
                    if (copy) {
                        copyDataFrom = t.end();
                        break;
                    }
                } else {
                    state.next(t);
                }
            }
            if (copyDataFrom < 0) {
                return !state.open && state.parens == 0 && state.blocks == 0;
            }
            int eol = rest.indexOf('\n', copyDataFrom);
            int end = eol < 0 ? -1 : rest.indexOf("\n\\.", eol - 1);
            if (end < 0) {
                return false; // the COPY data runs to the end of the prefix
            }
            int after = rest.indexOf('\n', end + 1);
            rest = after < 0 ? "" : rest.substring(after);
        }
    }

    /** The nesting of the statement being read. */
    private static final class State {
        boolean open;
        int parens;
        int blocks;
        boolean pendingBegin;
        boolean pendingEnd;
        final List<String> words = new ArrayList<>();

        void next(Token t) {
            String word = t != null && t.type() == TokenType.WORD ? t.text().toUpperCase(java.util.Locale.ROOT) : null;
            boolean skipAsOpener = false;
            if (pendingBegin) {
                pendingBegin = false;
                // BEGIN right before the terminator, or BEGIN TRANSACTION / WORK, starts a transaction
                if (t != null && !"TRANSACTION".equals(word) && !"WORK".equals(word)) {
                    blocks++;
                }
            }
            if (pendingEnd) {
                pendingEnd = false;
                if (word == null || !END_NOT_CLOSING.contains(word)) {
                    blocks = Math.max(0, blocks - 1);
                    skipAsOpener = "CASE".equals(word);
                }
            }
            if (t == null) {
                return;
            }
            open = true;
            words.add(word == null ? t.text() : word);
            if (t.isSymbol("(")) {
                parens++;
            } else if (t.isSymbol(")")) {
                parens = Math.max(0, parens - 1);
            } else if ("BEGIN".equals(word) && "CREATE".equals(words.get(0))) {
                pendingBegin = true;
            } else if ("CASE".equals(word) && !skipAsOpener) {
                blocks++;
            } else if ("END".equals(word) && blocks > 0) {
                pendingEnd = true;
            }
        }

        boolean nested() {
            return parens > 0 || blocks > 0;
        }

        boolean copyFromStdin() {
            if (words.isEmpty() || !words.get(0).equals("COPY")) {
                return false;
            }
            for (int i = 1; i + 1 < words.size(); i++) {
                if (words.get(i).equals("FROM") && words.get(i + 1).equals("STDIN")) {
                    return true;
                }
            }
            return false;
        }

        void end() {
            open = false;
            parens = 0;
            blocks = 0;
            pendingBegin = false;
            pendingEnd = false;
            words.clear();
        }
    }
}
