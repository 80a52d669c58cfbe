package dev.migrationsafety.catalog;

import java.util.Arrays;
import java.util.List;

/**
 * Two long values (a view's definition, a function's body) shortened to what differs between them: the words they
 * share at the start and the end are left out but for a few words of context, so that a difference deep inside a
 * long definition shows instead of being cut off. Short values are shown whole.
 */
final class CompactDiff {
    /** Values up to this length, on one line, are shown whole. */
    static final int WHOLE = 120;
    /** Words of shared context kept on each side of the difference. */
    static final int CONTEXT = 3;
    /** The differing part is cut in its middle beyond this length. */
    static final int MIDDLE = 300;

    private CompactDiff() {}

    /** The two values as reports show them, in the order given; {@code none} for an absent one. */
    static List<String> of(String before, String after) {
        String b = oneLine(before);
        String a = oneLine(after);
        if (before == null || after == null || (b.length() <= WHOLE && a.length() <= WHOLE)) {
            return List.of(before == null ? "none" : cut(b), after == null ? "none" : cut(a));
        }
        String[] bw = b.split(" ");
        String[] aw = a.split(" ");
        int prefix = 0;
        while (prefix < bw.length && prefix < aw.length && bw[prefix].equals(aw[prefix])) {
            prefix++;
        }
        int suffix = 0;
        while (suffix < bw.length - prefix
                && suffix < aw.length - prefix
                && bw[bw.length - 1 - suffix].equals(aw[aw.length - 1 - suffix])) {
            suffix++;
        }
        return List.of(shorten(bw, prefix, suffix), shorten(aw, prefix, suffix));
    }

    private static String shorten(String[] words, int prefix, int suffix) {
        int from = Math.max(0, prefix - CONTEXT);
        int to = Math.min(words.length, words.length - suffix + CONTEXT);
        StringBuilder out = new StringBuilder();
        if (from > 0) {
            out.append("... ");
        }
        String middle = String.join(" ", Arrays.copyOfRange(words, from, to));
        out.append(cut(middle));
        if (to < words.length) {
            out.append(" ...");
        }
        return out.toString();
    }

    private static String cut(String text) {
        if (text.length() <= MIDDLE) {
            return text;
        }
        int half = (MIDDLE - 5) / 2;
        return text.substring(0, half) + " ... " + text.substring(text.length() - half);
    }

    private static String oneLine(String value) {
        return value == null ? "" : value.replaceAll("\\s+", " ").strip();
    }
}
