package dev.migrationsafety.lint;

import dev.migrationsafety.report.Finding;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;

/**
 * Allows configured in the POM: a file pattern, a check id and a mandatory reason. The pattern is a glob matched
 * against the report path (relative to the project, e.g. {@code src/main/resources/db/migration/V1__x.sql}); a
 * pattern without {@code /} is matched against the file name alone. Entries with a missing or placeholder reason
 * or an unknown check are {@code invalid-allow} findings; entries that suppress nothing are {@code unused-allow}.
 */
public final class AllowList {
    /** One configured entry, as the POM gives it. */
    public record Entry(String file, String check, String reason) {}

    private record Rule(Entry entry, PathMatcher matcher, boolean nameOnly, Check check) {}

    private final String source;
    private final List<Rule> rules = new ArrayList<>();
    private final List<Finding> problems = new ArrayList<>();

    /**
     * @param source where the entries come from, as findings about them show it (e.g. {@code pom.xml})
     */
    public AllowList(String source, List<Entry> entries) {
        this.source = source;
        int n = 0;
        for (Entry e : entries == null ? List.<Entry>of() : entries) {
            n++;
            String label = "allow #" + n + " (file " + e.file() + ", check " + e.check() + ")";
            if (e.file() == null || e.file().isBlank()) {
                problem(label + " has no file pattern; set <file>, e.g. **/V2026*__drop_legacy.sql");
                continue;
            }
            var check = Check.byId(e.check());
            if (check.isEmpty()) {
                problem(label + " names unknown check '" + e.check() + "'; see docs/checks/README.md for the ids");
                continue;
            }
            String reasonProblem = Reasons.problem(e.reason());
            if (reasonProblem != null) {
                problem(label + " has " + reasonProblem);
                continue;
            }
            String glob = e.file().strip().replace('\\', '/');
            PathMatcher matcher;
            try {
                matcher = FileSystems.getDefault().getPathMatcher("glob:" + glob);
            } catch (IllegalArgumentException ex) {
                problem(label + " has an invalid file pattern: " + ex.getMessage());
                continue;
            }
            rules.add(new Rule(e, matcher, !glob.contains("/"), check.get()));
        }
    }

    public static AllowList empty() {
        return new AllowList("pom.xml", List.of());
    }

    public boolean isEmpty() {
        return rules.isEmpty() && problems.isEmpty();
    }

    private void problem(String message) {
        problems.add(Check.INVALID_ALLOW.at(source, 0, 0, message));
    }

    /** Removes what the entries allow; adds invalid and unused entries as findings. */
    public List<Finding> apply(List<Finding> findings) {
        if (isEmpty()) {
            return findings;
        }
        boolean[] used = new boolean[rules.size()];
        List<Finding> kept = new ArrayList<>();
        for (Finding f : findings) {
            boolean allowed = false;
            for (int i = 0; i < rules.size(); i++) {
                Rule r = rules.get(i);
                if (r.check().id().equals(f.ruleId()) && matches(r, f.path())) {
                    used[i] = true;
                    allowed = true;
                }
            }
            if (!allowed) {
                kept.add(f);
            }
        }
        kept.addAll(problems);
        for (int i = 0; i < rules.size(); i++) {
            if (!used[i]) {
                Entry e = rules.get(i).entry();
                kept.add(Check.UNUSED_ALLOW.at(
                        source, 0, 0, "allow of " + e.check() + " for files " + e.file() + " suppresses nothing"));
            }
        }
        return kept;
    }

    private static boolean matches(Rule r, String path) {
        Path p = Path.of(path);
        return r.matcher().matches(r.nameOnly() && p.getFileName() != null ? p.getFileName() : p);
    }
}
