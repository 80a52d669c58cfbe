package dev.migrationsafety.lint;

import java.util.Locale;
import java.util.Set;

/**
 * Whether the reason of an allow says something. We require reasons because a reviewer (and the next reader) must
 * be able to see why a dangerous statement was accepted; empty strings and placeholders do not tell them.
 */
public final class Reasons {
    private static final Set<String> PLACEHOLDERS = Set.of(
            "todo",
            "tbd",
            "tba",
            "fixme",
            "xxx",
            "xx",
            "x",
            "reason",
            "the reason",
            "because",
            "none",
            "n/a",
            "na",
            "no reason",
            "test",
            "testing",
            "ok",
            "okay",
            "fine",
            "safe",
            "later",
            "wip",
            "asdf",
            "foo",
            "bar",
            "whatever",
            "yes",
            "-",
            "?",
            "...",
            "..",
            ".",
            "<reason>",
            "<why>",
            "why",
            "explain",
            "description");

    private Reasons() {}

    /** What is wrong with the reason (e.g. "an empty reason"), or {@code null} when it is acceptable. */
    public static String problem(String reason) {
        if (reason == null || reason.isBlank()) {
            return "an empty reason; say why this is safe here";
        }
        String r = reason.strip().toLowerCase(Locale.ROOT);
        String bare = r.replaceAll("[\\s.!?:;,\"'`<>()\\[\\]-]+$", "").replaceAll("^[\\s<\\[(\"'`]+", "");
        if (PLACEHOLDERS.contains(r) || PLACEHOLDERS.contains(bare) || bare.matches("(todo|tbd|fixme|xxx)\\b.*")) {
            return "a placeholder reason \"" + reason.strip() + "\"; say why this is safe here";
        }
        if (r.codePoints().filter(Character::isLetter).count() < 4) {
            return "a reason that says nothing (\"" + reason.strip() + "\"); say why this is safe here";
        }
        return null;
    }
}
