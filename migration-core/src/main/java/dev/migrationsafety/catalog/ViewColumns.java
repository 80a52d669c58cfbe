package dev.migrationsafety.catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The output columns of a view's stored definition, to tell a definition that differs only in the order of its
 * columns. A view over {@code SELECT *} lists its table's columns in their physical order when it is created; after
 * a down re-added a dropped column at the end of the table and re-created the view, the view lists them in another
 * order. That is the table's column-order difference seen through the view, and a warning as that one is.
 */
final class ViewColumns {
    private static final Pattern ALIAS = Pattern.compile("(?is).*\\s+AS\\s+(\"[^\"]+\"|`[^`]+`|[^\\s.]+)$");
    private static final Pattern PATH =
            Pattern.compile("(?:\"[^\"]+\"|`[^`]+`|[\\w$]+)(?:\\.(?:\"[^\"]+\"|`[^`]+`|[\\w$]+))*");

    private ViewColumns() {}

    /** The select list of the outermost query, split into its items; empty when the text has none. */
    record SelectList(String head, List<String> items, String tail) {}

    /**
     * The columns of the two definitions, in their order, when the definitions are the same but for the order of the
     * items of the outermost select list; empty otherwise.
     */
    static Optional<List<List<String>>> reordered(String before, String after) {
        Optional<SelectList> b = selectList(before);
        Optional<SelectList> a = selectList(after);
        if (b.isEmpty() || a.isEmpty()) {
            return Optional.empty();
        }
        SelectList x = b.get();
        SelectList y = a.get();
        if (!x.head().equals(y.head())
                || !x.tail().equals(y.tail())
                || x.items().equals(y.items())) {
            return Optional.empty();
        }
        List<String> sortedX = new ArrayList<>(x.items());
        List<String> sortedY = new ArrayList<>(y.items());
        sortedX.sort(null);
        sortedY.sort(null);
        if (!sortedX.equals(sortedY)) {
            return Optional.empty();
        }
        return Optional.of(List.of(names(x.items()), names(y.items())));
    }

    /** The select list between the first top-level {@code SELECT} and the top-level {@code FROM} after it. */
    static Optional<SelectList> selectList(String definition) {
        if (definition == null) {
            return Optional.empty();
        }
        String text = SnapshotReader.normalise(definition);
        int start = -1;
        int end = text.length();
        List<Integer> commas = new ArrayList<>();
        int depth = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\'' || c == '"' || c == '`') {
                int close = text.indexOf(c, i + 1);
                if (close < 0) {
                    return Optional.empty();
                }
                i = close;
            } else if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (depth == 0 && start < 0 && keyword(text, i, "select")) {
                start = i + "select".length();
            } else if (depth == 0 && start >= 0 && c == ',') {
                commas.add(i);
            } else if (depth == 0 && start >= 0 && keyword(text, i, "from")) {
                end = i;
                break;
            }
        }
        if (start < 0) {
            return Optional.empty();
        }
        List<String> items = new ArrayList<>();
        int from = start;
        for (int comma : commas) {
            items.add(text.substring(from, comma).strip());
            from = comma + 1;
        }
        items.add(text.substring(from, end).strip());
        return Optional.of(new SelectList(text.substring(0, start), items, text.substring(end)));
    }

    private static boolean keyword(String text, int at, String word) {
        int end = at + word.length();
        return end <= text.length()
                && text.regionMatches(true, at, word, 0, word.length())
                && (at == 0 || !isWordChar(text.charAt(at - 1)))
                && (end == text.length() || !isWordChar(text.charAt(end)));
    }

    private static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '$' || c == '.' || c == '"' || c == '`';
    }

    /** How a report names each item: its alias, the last part of a column path, or the expression. */
    private static List<String> names(List<String> items) {
        List<String> names = new ArrayList<>();
        for (String item : items) {
            Matcher alias = ALIAS.matcher(item);
            if (alias.matches()) {
                names.add(alias.group(1));
            } else if (PATH.matcher(item).matches()) {
                names.add(item.substring(item.lastIndexOf('.') + 1));
            } else {
                names.add(item);
            }
        }
        return names;
    }
}
