package dev.migrationsafety.roundtrip;

import dev.migrationsafety.catalog.Difference;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The migrations a chain difference points at. The chain compares only end states, so it cannot tell which down
 * left a difference behind; the scripts that name the object that differs are where to look. An object's name is
 * taken apart at its dots ({@code api_tokens.token}: the table and the column), and a script names the object when
 * it holds each part as a whole word, in any case.
 */
final class ChainSuspects {
    /**
     * A migration of the chain and its scripts.
     *
     * @param label {@code V3__add_email}
     * @param up the up's text
     * @param down the down's text, null when there is none
     */
    record Script(String label, String up, String down) {}

    private ChainSuspects() {}

    /** {@code V3__add_email (down)}, {@code V5__x (up and down)}, in version order. */
    static List<String> of(Difference difference, List<Script> scripts) {
        List<Pattern> parts = parts(difference.name());
        List<String> out = new ArrayList<>();
        for (Script s : scripts) {
            boolean up = names(s.up(), parts);
            boolean down = names(s.down(), parts);
            if (up || down) {
                out.add(s.label() + (up && down ? " (up and down)" : up ? " (up)" : " (down)"));
            }
        }
        return out;
    }

    private static List<Pattern> parts(String name) {
        String bare = name.replaceAll("\\(.*$", "");
        List<Pattern> parts = new ArrayList<>();
        for (String part : bare.split("\\.")) {
            String word = part.replace("\"", "").replace("`", "").strip();
            if (!word.isEmpty()) {
                parts.add(Pattern.compile(
                        "(?<![\\w$])" + Pattern.quote(word) + "(?![\\w$])",
                        Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE));
            }
        }
        return parts;
    }

    private static boolean names(String text, List<Pattern> parts) {
        return text != null
                && !parts.isEmpty()
                && parts.stream().allMatch(p -> p.matcher(text).find());
    }
}
