package dev.migrationsafety.release;

import dev.migrationsafety.io.AtomicFiles;
import dev.migrationsafety.report.Finding;
import dev.migrationsafety.report.JsonWriter;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Renders a {@link ReleasePlan}: console lines a person reads in ten seconds, Markdown for a pull-request or release
 * comment, JSON for tools, and the dry run's script. Never a password: the target is the masked url.
 */
public final class ReleaseReport {
    /** How a console line is logged. */
    public enum Level {
        INFO,
        WARN,
        ERROR
    }

    public record Line(Level level, String text) {}

    private final ReleasePlan plan;

    public ReleaseReport(ReleasePlan plan) {
        this.plan = plan;
    }

    /** The summary, what will run, each section's findings (blocking ones as errors), the verdict. */
    public List<Line> console() {
        List<Line> out = new ArrayList<>();
        out.add(new Line(Level.INFO, plan.summary()));
        if (ReleasePlanner.PLAN.equals(plan.goal())) {
            out.add(new Line(
                    Level.INFO,
                    plan.pendingNames().isEmpty()
                            ? "Pending: none"
                            : "Pending, in order: " + String.join(", ", plan.pendingNames())));
        }
        Set<Finding> blocking = blockingSet();
        for (GateSection section : plan.gate().sections()) {
            if (section.findings().isEmpty()) {
                continue;
            }
            long blocks = section.findings().stream().filter(blocking::contains).count();
            out.add(new Line(
                    Level.INFO,
                    section.title() + ": " + section.findings().size() + " finding(s), " + blocks + " blocking"));
            for (Finding f : section.findings()) {
                out.add(new Line(blocking.contains(f) ? Level.ERROR : Level.WARN, "  " + line(f)));
            }
        }
        out.add(new Line(plan.gate().passes() ? Level.INFO : Level.ERROR, "Result: " + plan.verdict()));
        if (!plan.gate().unusedAllows().isEmpty()) {
            out.add(new Line(
                    Level.WARN,
                    "migration.allow names " + String.join(", ", plan.gate().unusedAllows())
                            + ", which no finding has; see docs/goals/" + plan.goal() + ".md for the ids"));
        }
        return out;
    }

    private Set<Finding> blockingSet() {
        Set<Finding> set = new HashSet<>();
        plan.gate().blocking().forEach(b -> set.add(b.finding()));
        return set;
    }

    /** {@code path: severity [id] message - fix}. */
    static String line(Finding f) {
        return f.location() + ": " + f.severity().id() + " [" + f.ruleId() + "] " + f.message()
                + (f.fix().isEmpty() ? "" : " - " + f.fix());
    }

    /**
     * Writes {@code <goal>.md}, {@code <goal>.json} and, for {@code plan}, {@code plan.sql} into the directory, each
     * atomically (a reader never sees half a report).
     *
     * @return the files written
     */
    public List<Path> write(Path directory) throws IOException {
        List<Path> written = new ArrayList<>();
        written.add(write(directory.resolve(plan.goal() + ".md"), markdown()));
        written.add(write(directory.resolve(plan.goal() + ".json"), json()));
        if (ReleasePlanner.PLAN.equals(plan.goal())) {
            written.add(write(
                    directory.resolve("plan.sql"), DryRun.planSql(plan.gate().target(), plan.scripts())));
        }
        return written;
    }

    private static Path write(Path file, String content) throws IOException {
        AtomicFiles.write(file, content);
        return file;
    }

    /** {@code plan.md} / {@code verify.md}. */
    public String markdown() {
        StringBuilder md = new StringBuilder();
        md.append("# migration:").append(plan.goal()).append("\n\n");
        md.append(plan.summary()).append("\n\n");
        md.append("**Result: ").append(plan.verdict()).append("**\n");
        if (ReleasePlanner.PLAN.equals(plan.goal())) {
            md.append("\n## Pending migrations, in the order Flyway runs them\n\n");
            if (plan.scripts().isEmpty()) {
                md.append("None.\n");
            }
            int i = 0;
            for (DryRun.Script s : plan.scripts()) {
                md.append(++i).append(". `").append(s.file().displayPath()).append("`: ");
                md.append(
                        s.problem() != null
                                ? "cannot be run: " + s.problem()
                                : s.mode().description());
                md.append('\n');
            }
        }
        Set<Finding> blocking = blockingSet();
        for (GateSection section : plan.gate().sections()) {
            md.append("\n## ").append(section.title()).append("\n\n");
            section.notes().forEach(n -> md.append("- ").append(n).append('\n'));
            if (!section.notes().isEmpty()) {
                md.append('\n');
            }
            if (section.findings().isEmpty()) {
                md.append("No findings.\n");
                continue;
            }
            md.append("| | Where | Id | What | Fix |\n|---|---|---|---|---|\n");
            for (Finding f : section.findings()) {
                String mark = blocking.contains(f)
                        ? "blocking"
                        : section.blocks().test(f) ? "allowed" : f.severity().id();
                md.append("| ")
                        .append(mark)
                        .append(" | `")
                        .append(cell(f.location()))
                        .append("` | `");
                md.append(f.ruleId()).append("` | ").append(cell(f.message())).append(" | ");
                md.append(cell(f.fix())).append(" |\n");
            }
        }
        if (!plan.scripts().isEmpty()) {
            md.append("\n## Dry run (plan.sql)\n\n```sql\n");
            String sql = DryRun.planSql(plan.gate().target(), plan.scripts());
            md.append(sql.replace("```", "`\u200b``"));
            md.append("```\n");
        }
        return md.toString();
    }

    private static String cell(String text) {
        return text.replace("|", "\\|").replace("\n", " ");
    }

    /** {@code plan.json} / {@code verify.json}. */
    public String json() {
        JsonWriter w = new JsonWriter().beginObject();
        w.name("goal").value(plan.goal());
        w.name("target").value(plan.gate().target());
        w.name("summary").value(plan.summary());
        w.name("passed").value(plan.gate().passes());
        HistoryState s = plan.state();
        w.name("history").beginObject();
        w.name("table").value(s.history().qualifiedName());
        w.name("exists").value(s.history().exists());
        w.name("applied").value(s.applied().size());
        w.name("newestApplied").value(s.newestApplied());
        w.name("failed").value(s.failed().size());
        w.name("changed").value(s.changed().size());
        w.name("missing").value(s.missing().size());
        w.name("outOfOrder").value(s.outOfOrder().size());
        w.endObject();
        w.name("pending").beginArray();
        for (DryRun.Script script : plan.scripts()) {
            w.beginObject();
            w.name("file").value(script.file().displayPath());
            w.name("version")
                    .value(
                            script.file().version() == null
                                    ? null
                                    : script.file().version().text());
            w.name("inTransaction").value(script.mode() != null && script.mode().inTransaction());
            w.name("transactionMode")
                    .value(script.mode() == null ? null : script.mode().description());
            w.name("problem").value(script.problem());
            w.name("sql").value(script.sql());
            w.endObject();
        }
        if (plan.scripts().isEmpty()) {
            plan.state()
                    .pending()
                    .forEach(f ->
                            w.beginObject().name("file").value(f.displayPath()).endObject());
        }
        w.endArray();
        Set<Finding> blocking = blockingSet();
        w.name("sections").beginArray();
        for (GateSection section : plan.gate().sections()) {
            w.beginObject().name("title").value(section.title());
            w.name("notes").beginArray();
            section.notes().forEach(w::value);
            w.endArray();
            w.name("findings").beginArray();
            for (Finding f : section.findings()) {
                w.beginObject();
                w.name("id").value(f.ruleId());
                w.name("severity").value(f.severity().id());
                w.name("location").value(f.location());
                w.name("message").value(f.message());
                w.name("fix").value(f.fix());
                w.name("blocking").value(blocking.contains(f));
                w.name("allowed")
                        .value(!blocking.contains(f) && section.blocks().test(f));
                w.endObject();
            }
            w.endArray().endObject();
        }
        w.endArray();
        w.endObject();
        return w.toString();
    }
}
