package dev.migrationsafety.migration;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The text of a migration template with {@code {{name}}} placeholders. Placeholders are checked when the template is
 * read, so a typo is reported with its file and line before anything is written. The syntax is deliberately not
 * Flyway's {@code ${name}}, which Flyway itself replaces when it runs the migration and so must pass through.
 */
final class TemplateText {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([A-Za-z][A-Za-z0-9]*)\\s*}}");

    private final String source;
    private final String text;

    private TemplateText(String source, String text) {
        this.source = source;
        this.text = text;
    }

    /**
     * @param source how messages name the template, e.g. {@code db/templates/up.sql}
     * @throws NewMigrationException naming {@code source:line} for a placeholder not in {@code known}
     */
    static TemplateText parse(String source, String text, Set<String> known) {
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            Matcher m = PLACEHOLDER.matcher(lines[i]);
            while (m.find()) {
                if (!known.contains(m.group(1))) {
                    throw new NewMigrationException(source + ":" + (i + 1) + ": unknown placeholder {{" + m.group(1)
                            + "}}; the placeholders are " + list(known));
                }
            }
        }
        return new TemplateText(source, text);
    }

    /** The text with every placeholder replaced by its value. */
    String render(Map<String, String> values) {
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder(text.length() + 64);
        while (m.find()) {
            String value = values.get(m.group(1));
            if (value == null) {
                throw new IllegalStateException(source + ": no value for {{" + m.group(1) + "}}");
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }

    String source() {
        return source;
    }

    private static String list(Set<String> names) {
        List<String> sorted = new ArrayList<>(names);
        sorted.sort(null);
        return String.join(", ", sorted.stream().map(n -> "{{" + n + "}}").toList());
    }
}
