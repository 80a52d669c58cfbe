package dev.migrationsafety.release;

import dev.migrationsafety.report.Finding;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The policy of a release goal over its sections: the build fails for each blocking finding of any section, unless
 * its id is in {@code migration.allow}. Immutable; {@link #withSection} returns a new gate.
 *
 * @param goal {@code plan} or {@code verify}
 * @param target the masked url and user, for the report
 * @param allowed the ids relaxed with {@code -Dmigration.allow=id1,id2}
 * @param sections in report order
 */
public record ReleaseGate(String goal, String target, Set<String> allowed, List<GateSection> sections) {
    public ReleaseGate {
        allowed = Set.copyOf(allowed);
        sections = List.copyOf(sections);
    }

    public ReleaseGate(String goal, String target, Set<String> allowed) {
        this(goal, target, allowed, List.of());
    }

    /** This gate with one more section at the end. */
    public ReleaseGate withSection(GateSection section) {
        List<GateSection> all = new ArrayList<>(sections);
        all.add(section);
        return new ReleaseGate(goal, target, allowed, all);
    }

    /** A blocking finding and the section it is in. */
    public record Blocking(String section, Finding finding) {
        /** One line: {@code [id] location: message - fix}. */
        public String line() {
            return "[" + finding.ruleId() + "] " + finding.location() + ": " + finding.message()
                    + (finding.fix().isEmpty() ? "" : " - " + finding.fix());
        }
    }

    /** The findings that fail the build, in section order: blocking and not allowed. */
    public List<Blocking> blocking() {
        List<Blocking> out = new ArrayList<>();
        for (GateSection s : sections) {
            for (Finding f : s.blocking()) {
                if (!allowed.contains(f.ruleId())) {
                    out.add(new Blocking(s.title(), f));
                }
            }
        }
        return out;
    }

    /** The blocking findings that {@code migration.allow} relaxed, for the report. */
    public List<Blocking> relaxed() {
        List<Blocking> out = new ArrayList<>();
        for (GateSection s : sections) {
            for (Finding f : s.blocking()) {
                if (allowed.contains(f.ruleId())) {
                    out.add(new Blocking(s.title(), f));
                }
            }
        }
        return out;
    }

    /** Every finding of every section. */
    public List<Finding> findings() {
        return sections.stream().flatMap(s -> s.findings().stream()).toList();
    }

    /** The allowed ids no section reported, so that a typo in {@code migration.allow} is said. */
    public Set<String> unusedAllows() {
        Set<String> unused = new LinkedHashSet<>(allowed);
        findings().forEach(f -> unused.remove(f.ruleId()));
        return unused;
    }

    public boolean passes() {
        return blocking().isEmpty();
    }
}
