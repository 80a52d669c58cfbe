package dev.migrationsafety.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/** A position in a token range {@code [pos, end)} with the small look-ahead helpers the classifier needs. */
final class TokenCursor {
    final List<Tok> toks;
    int pos;
    final int end;

    TokenCursor(List<Tok> toks, int from, int end) {
        this.toks = toks;
        this.pos = from;
        this.end = end;
    }

    TokenCursor(List<Tok> toks) {
        this(toks, 0, toks.size());
    }

    boolean atEnd() {
        return pos >= end;
    }

    Tok peek() {
        return peek(0);
    }

    Tok peek(int ahead) {
        int i = pos + ahead;
        return i < end ? toks.get(i) : null;
    }

    boolean is(String word) {
        Tok t = peek();
        return t != null && t.is(word);
    }

    /** Whether the words come next, in order (nothing consumed). */
    boolean is(String... words) {
        for (int i = 0; i < words.length; i++) {
            Tok t = peek(i);
            if (t == null || !t.is(words[i])) {
                return false;
            }
        }
        return true;
    }

    boolean isSymbol(String symbol) {
        Tok t = peek();
        return t != null && t.isSymbol(symbol);
    }

    /** Consumes the words if they all come next, in order. */
    boolean accept(String... words) {
        for (int i = 0; i < words.length; i++) {
            Tok t = peek(i);
            if (t == null || !t.is(words[i])) {
                return false;
            }
        }
        pos += words.length;
        return true;
    }

    boolean acceptSymbol(String symbol) {
        if (isSymbol(symbol)) {
            pos++;
            return true;
        }
        return false;
    }

    Tok next() {
        return pos < end ? toks.get(pos++) : null;
    }

    /** A dotted name as written ({@code a}, {@code s.t}, {@code "S"."t"}), or {@code null} when none comes next. */
    List<String> dottedName() {
        Tok t = peek();
        if (t == null || !t.isName()) {
            return null;
        }
        List<String> parts = new ArrayList<>(2);
        parts.add(t.text());
        pos++;
        while (isSymbol(".") && peek(1) != null && peek(1).isName()) {
            parts.add(peek(1).text());
            pos += 2;
        }
        return parts;
    }

    /** When a {@code (} comes next, the index just past its matching {@code )}; else the current position. */
    int skipParens() {
        if (!isSymbol("(")) {
            return pos;
        }
        pos = matching(pos) + 1;
        return pos;
    }

    /** The index of the {@code )} matching the {@code (} at {@code open}, or {@code end - 1} when unbalanced. */
    int matching(int open) {
        int depth = 0;
        for (int i = open; i < end; i++) {
            Tok t = toks.get(i);
            if (t.isSymbol("(")) {
                depth++;
            } else if (t.isSymbol(")") && --depth == 0) {
                return i;
            }
        }
        return end - 1;
    }

    /** Splits {@code [from, to)} at commas outside parentheses into {@code [start, end)} pairs. */
    static List<int[]> splitTopLevel(List<Tok> toks, int from, int to) {
        List<int[]> parts = new ArrayList<>();
        int depth = 0;
        int start = from;
        for (int i = from; i < to; i++) {
            Tok t = toks.get(i);
            if (t.isSymbol("(")) {
                depth++;
            } else if (t.isSymbol(")")) {
                depth--;
            } else if (depth == 0 && t.isSymbol(",")) {
                parts.add(new int[] {start, i});
                start = i + 1;
            }
        }
        if (start < to) {
            parts.add(new int[] {start, to});
        }
        return parts;
    }

    /** Whether the word occurs in {@code [from, to)} outside any parentheses. */
    static boolean topLevelWord(List<Tok> toks, int from, int to, String word) {
        return indexOfTopLevel(toks, from, to, word) >= 0;
    }

    /** The index of the first occurrence of the word in {@code [from, to)} outside any parentheses, or -1. */
    static int indexOfTopLevel(List<Tok> toks, int from, int to, String word) {
        return indexOfTopLevel(toks, from, to, t -> t.is(word));
    }

    /** The index of the first token in {@code [from, to)} outside any parentheses that matches, or -1. */
    static int indexOfTopLevel(List<Tok> toks, int from, int to, Predicate<Tok> match) {
        int depth = 0;
        for (int i = from; i < to; i++) {
            Tok t = toks.get(i);
            if (t.isSymbol("(")) {
                depth++;
            } else if (t.isSymbol(")")) {
                depth--;
            } else if (depth == 0 && match.test(t)) {
                return i;
            }
        }
        return -1;
    }

    /** The texts of {@code [from, to)} joined by single spaces. */
    static String text(List<Tok> toks, int from, int to) {
        StringBuilder sb = new StringBuilder();
        for (int i = from; i < to; i++) {
            if (sb.length() > 0) {
                sb.append(' ');
            }
            sb.append(toks.get(i).text());
        }
        return sb.toString();
    }
}
