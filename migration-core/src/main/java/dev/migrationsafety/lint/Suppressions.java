package dev.migrationsafety.lint;

import dev.migrationsafety.report.Finding;
import dev.migrationsafety.sql.SqlStatement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code migration:allow} comments of one file:
 *
 * <ul>
 *   <li>{@code -- migration:allow <check-id>[,<check-id>...] reason="..."} on the comment lines directly above a
 *       statement (no blank line between) suppresses those checks' findings on the statements starting on the
 *       statement's line, those inside a {@code DO} block or routine body among them; on the comment lines
 *       directly above a statement inside such a block or body, those checks' findings on that statement;
 *   <li>{@code -- migration:allow-file <check-id> reason="..."} anywhere in the file suppresses them in the
 *       whole file.
 * </ul>
 *
 * A reason is mandatory and must say something ({@link Reasons}); an allow without one, or naming an unknown check,
 * is an {@code invalid-allow} finding and suppresses nothing. An allow that suppresses nothing is
 * {@code unused-allow}.
 */
final class Suppressions {
    private static final Pattern DIRECTIVE =
            Pattern.compile("^\\s*(?:--|#)\\s*migration:(allow-file|allow)(?=\\s|$)(.*)$");
    private static final Pattern BODY = Pattern.compile(
            "^\\s*([A-Za-z0-9_-]+(?:\\s*,\\s*[A-Za-z0-9_-]+)*)?\\s*(?:reason\\s*=\\s*(\"((?:[^\"\\\\]|\\\\.)*)\"?|\\S*))?\\s*$");
    private static final Pattern COMMENT_LINE = Pattern.compile("^\\s*(?:--|#|/\\*|\\*).*$");

    /** One parsed directive. */
    private record Allow(int line, int column, boolean fileWide, List<Check> checks) {}

    private final String path;
    private final List<Allow> allows = new ArrayList<>();
    private final List<Finding> problems = new ArrayList<>();
    private final String[] lines;

    private Suppressions(String path, String content) {
        this.path = path;
        this.lines = content.split("\\R", -1);
    }

    static Suppressions parse(String path, String content) {
        Suppressions s = new Suppressions(path, content);
        if (content.contains("migration:allow")) {
            for (int i = 0; i < s.lines.length; i++) {
                s.parseLine(i + 1, s.lines[i]);
            }
        }
        return s;
    }

    private void parseLine(int lineNo, String text) {
        Matcher m = DIRECTIVE.matcher(text);
        if (!m.matches()) {
            return;
        }
        boolean fileWide = m.group(1).equals("allow-file");
        String directive = "migration:" + m.group(1);
        int column = text.indexOf("migration:") + 1;
        Matcher b = BODY.matcher(m.group(2));
        if (!b.matches() || b.group(1) == null) {
            invalid(lineNo, column, directive + " names no check; write " + directive + " <check-id> reason=\"...\"");
            return;
        }
        List<Check> checks = new ArrayList<>();
        for (String id : b.group(1).split("\\s*,\\s*")) {
            var check = Check.byId(id);
            if (check.isEmpty() || check.get() == Check.INVALID_ALLOW || check.get() == Check.UNUSED_ALLOW) {
                invalid(
                        lineNo,
                        column,
                        directive + " names unknown check '" + id + "'; see docs/checks/README.md for the ids");
                return;
            }
            checks.add(check.get());
        }
        String quoted = b.group(2);
        if (quoted == null) {
            invalid(lineNo, column, directive + " " + b.group(1) + " has no reason; a reason=\"...\" is mandatory");
            return;
        }
        if (!quoted.startsWith("\"") || quoted.length() < 2 || !quoted.endsWith("\"") || b.group(3) == null) {
            invalid(
                    lineNo,
                    column,
                    directive + " " + b.group(1) + " has a reason that is not a closed" + " \"quoted string\"");
            return;
        }
        String reason = b.group(3).replace("\\\"", "\"").replace("\\\\", "\\");
        String problem = Reasons.problem(reason);
        if (problem != null) {
            invalid(lineNo, column, directive + " " + b.group(1) + " has " + problem);
            return;
        }
        allows.add(new Allow(lineNo, column, fileWide, List.copyOf(checks)));
    }

    private void invalid(int line, int column, String message) {
        problems.add(Check.INVALID_ALLOW.at(path, line, column, message));
    }

    /**
     * Removes the suppressed findings and adds the invalid and unused allows.
     *
     * @param statements the file's statements, to attach each allow to the statement below it
     */
    List<Finding> apply(List<Finding> findings, List<SqlStatement> statements) {
        if (allows.isEmpty() && problems.isEmpty()) {
            return findings;
        }
        // statement start line (or line of a finding inside a block or body) -> allows directly above it
        Map<Integer, List<Allow>> byLine = new HashMap<>();
        Set<Integer> starts = new HashSet<>();
        statements.forEach(st -> starts.add(st.line()));
        findings.forEach(f -> starts.add(f.line()));
        Set<Allow> attached = new HashSet<>();
        for (int start : starts) {
            for (int i = start - 1; i >= 1 && COMMENT_LINE.matcher(lines[i - 1]).matches(); i--) {
                for (Allow a : allows) {
                    if (!a.fileWide() && a.line() == i) {
                        byLine.computeIfAbsent(start, k -> new ArrayList<>()).add(a);
                        attached.add(a);
                    }
                }
            }
        }
        Set<String> used = new HashSet<>();
        List<Finding> kept = new ArrayList<>();
        Map<Integer, List<Integer>> enclosing = enclosingStarts(findings, statements);
        for (Finding f : findings) {
            Allow by = null;
            List<Allow> above = new ArrayList<>(byLine.getOrDefault(f.line(), List.of()));
            for (int start : enclosing.getOrDefault(f.line(), List.of())) {
                above.addAll(byLine.getOrDefault(start, List.of()));
            }
            for (Allow a : above) {
                if (suppresses(a, f)) {
                    by = a;
                    break;
                }
            }
            if (by == null) {
                for (Allow a : allows) {
                    if (a.fileWide() && suppresses(a, f)) {
                        by = a;
                        break;
                    }
                }
            }
            if (by == null) {
                kept.add(f);
            } else {
                used.add(by.line() + ":" + f.ruleId());
            }
        }
        kept.addAll(problems);
        for (Allow a : allows) {
            for (Check c : a.checks()) {
                if (used.contains(a.line() + ":" + c.id())) {
                    continue;
                }
                String where = a.fileWide() || attached.contains(a)
                        ? "suppresses no " + c.id() + " finding"
                        : "is not on the comment lines directly above a statement";
                kept.add(Check.UNUSED_ALLOW.at(
                        path,
                        a.line(),
                        a.column(),
                        "migration:allow" + (a.fileWide() ? "-file " : " ") + c.id() + " " + where));
            }
        }
        return kept;
    }

    /**
     * For each line of a finding that is not where its statement starts (one inside a {@code DO} block or a routine
     * body), the start lines of the statements that span it.
     */
    private static Map<Integer, List<Integer>> enclosingStarts(List<Finding> findings, List<SqlStatement> statements) {
        Set<Integer> inner = new HashSet<>();
        Set<Integer> starts = new HashSet<>();
        statements.forEach(st -> starts.add(st.line()));
        findings.forEach(f -> {
            if (!starts.contains(f.line())) {
                inner.add(f.line());
            }
        });
        Map<Integer, List<Integer>> out = new HashMap<>();
        if (inner.isEmpty()) {
            return out;
        }
        for (SqlStatement st : statements) {
            int end = st.endLine();
            for (int line : inner) {
                if (line > st.line() && line <= end) {
                    out.computeIfAbsent(line, k -> new ArrayList<>()).add(st.line());
                }
            }
        }
        return out;
    }

    private static boolean suppresses(Allow a, Finding f) {
        for (Check c : a.checks()) {
            if (c.id().equals(f.ruleId())) {
                return true;
            }
        }
        return false;
    }
}
