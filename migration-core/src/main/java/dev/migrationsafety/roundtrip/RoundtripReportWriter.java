package dev.migrationsafety.roundtrip;

import dev.migrationsafety.catalog.Difference;
import dev.migrationsafety.io.AtomicFiles;
import dev.migrationsafety.report.JsonWriter;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Writes a round-trip report as {@code roundtrip.json}, {@code roundtrip-junit.xml} (one test case per migration, so
 * CI servers list them) and {@code roundtrip.md}, each atomically.
 */
public final class RoundtripReportWriter {
    private RoundtripReportWriter() {}

    /** Writes the three files into the directory; returns their paths. */
    public static List<Path> writeAll(RoundtripReport report, Path dir) throws IOException {
        Path json = dir.resolve("roundtrip.json");
        Path junit = dir.resolve("roundtrip-junit.xml");
        Path md = dir.resolve("roundtrip.md");
        AtomicFiles.write(json, json(report));
        AtomicFiles.write(junit, junitXml(report));
        AtomicFiles.write(md, markdown(report));
        return List.of(json, junit, md);
    }

    public static String json(RoundtripReport r) {
        JsonWriter w = new JsonWriter().beginObject();
        w.field("mode", r.mode().id()).field("database", r.database()).field("totalMillis", r.totalMillis());
        w.field("failed", r.failed());
        w.name("migrations").beginArray();
        for (MigrationOutcome o : r.outcomes()) {
            w.beginObject()
                    .field("version", o.version())
                    .field("description", o.description())
                    .field("path", o.path())
                    .name("downPath")
                    .value(o.downPath())
                    .field("status", o.status().name().toLowerCase(Locale.ROOT))
                    .field("upMillis", o.upMillis())
                    .field("downMillis", o.downMillis())
                    .field("reUpMillis", o.reUpMillis())
                    .field("slow", r.isSlow(o))
                    .name("note")
                    .value(o.note());
            w.name("failure");
            if (o.failure() == null) {
                w.nullValue();
            } else {
                Failure f = o.failure();
                w.beginObject()
                        .field("phase", f.phase().label())
                        .field("path", f.path())
                        .field("line", f.line())
                        .name("statement")
                        .value(f.statement())
                        .field("error", f.error())
                        .endObject();
            }
            w.name("differences").beginArray();
            for (PhaseDifference d : o.differences()) {
                difference(w, d);
            }
            w.endArray();
            w.name("messages").beginArray();
            o.problems().forEach(w::value);
            w.endArray();
            w.endObject();
        }
        w.endArray();
        w.name("chainDifferences").beginArray();
        r.chainDifferences().forEach(d -> difference(w, d));
        w.endArray();
        return w.endObject().toString();
    }

    private static void difference(JsonWriter w, PhaseDifference d) {
        Difference x = d.difference();
        w.beginObject()
                .field("phase", d.phase().label())
                .field("kind", x.kind().label())
                .field("name", x.name())
                .field("change", x.change().name().toLowerCase(Locale.ROOT))
                .name("property")
                .value(x.property())
                .name("before")
                .value(x.before())
                .name("after")
                .value(x.after())
                .field("message", x.describe())
                .endObject();
    }

    public static String junitXml(RoundtripReport r) {
        StringBuilder b = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        long failures = r.count(MigrationOutcome.Status.FAILED);
        long skipped = r.count(MigrationOutcome.Status.IRREVERSIBLE) + r.count(MigrationOutcome.Status.NOT_RUN);
        b.append("<testsuite name=\"migration roundtrip (")
                .append(r.mode().id())
                .append(")\" tests=\"")
                .append(r.outcomes().size() + (r.chainDifferences().isEmpty() ? 0 : 1))
                .append("\" failures=\"")
                .append(failures + (r.chainDifferences().isEmpty() ? 0 : 1))
                .append("\" errors=\"0\" skipped=\"")
                .append(skipped)
                .append("\" time=\"")
                .append(seconds(r.totalMillis()))
                .append("\">\n");
        for (MigrationOutcome o : r.outcomes()) {
            long time = Math.max(0, o.upMillis()) + Math.max(0, o.downMillis()) + Math.max(0, o.reUpMillis());
            b.append("  <testcase classname=\"migration.roundtrip\" name=\"")
                    .append(xml(o.label()))
                    .append("\" file=\"")
                    .append(xml(o.path()))
                    .append("\" time=\"")
                    .append(seconds(time))
                    .append("\"");
            List<String> problems = o.problems();
            switch (o.status()) {
                case FAILED -> {
                    b.append(">\n    <failure message=\"")
                            .append(xml(problems.isEmpty() ? "failed" : problems.get(0)))
                            .append("\">")
                            .append(xml(String.join("\n", problems)))
                            .append("</failure>\n");
                    b.append("  </testcase>\n");
                }
                case IRREVERSIBLE, NOT_RUN ->
                    b.append(">\n    <skipped message=\"")
                            .append(xml(String.valueOf(o.note())))
                            .append("\"/>\n  </testcase>\n");
                case WARNING ->
                    b.append(">\n    <system-out>")
                            .append(xml(String.join("\n", problems)))
                            .append("</system-out>\n  </testcase>\n");
                default -> b.append("/>\n");
            }
        }
        if (!r.chainDifferences().isEmpty()) {
            List<String> lines = r.chainProblems();
            b.append("  <testcase classname=\"migration.roundtrip\" name=\"chain\">\n    <failure message=\"")
                    .append(xml(lines.get(0)))
                    .append("\">")
                    .append(xml(String.join("\n", lines)))
                    .append("</failure>\n  </testcase>\n");
        }
        return b.append("</testsuite>\n").toString();
    }

    public static String markdown(RoundtripReport r) {
        StringBuilder b = new StringBuilder("# Migration round trip\n\n");
        b.append(ConsoleFormat.totals(r))
                .append(".\n\nDatabase: `")
                .append(r.database())
                .append("`\n\n");
        b.append("| Migration | up | down | re-up | result |\n|---|---:|---:|---:|---|\n");
        for (MigrationOutcome o : r.outcomes()) {
            b.append("| `")
                    .append(o.label())
                    .append("` | ")
                    .append(ConsoleFormat.time(o.upMillis()))
                    .append(" | ")
                    .append(ConsoleFormat.time(o.downMillis()))
                    .append(" | ")
                    .append(ConsoleFormat.time(o.reUpMillis()))
                    .append(" | ")
                    .append(o.status())
                    .append(r.isSlow(o) ? " (slow)" : "")
                    .append(
                            o.note() != null && o.status() != MigrationOutcome.Status.FAILED
                                    ? " - " + o.note().replace("|", "\\|")
                                    : "")
                    .append(" |\n");
        }
        boolean any = false;
        for (MigrationOutcome o : r.outcomes()) {
            for (String p : o.problems()) {
                if (!any) {
                    b.append("\n## Problems\n\n");
                    any = true;
                }
                b.append("- ").append(p).append('\n');
            }
        }
        for (String p : r.chainProblems()) {
            if (!any) {
                b.append("\n## Problems\n\n");
                any = true;
            }
            b.append("- ").append(p).append('\n');
        }
        return b.toString();
    }

    private static String seconds(long millis) {
        return String.format(Locale.ROOT, "%.3f", millis / 1000.0);
    }

    private static String xml(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&apos;");
                default -> {
                    if (c >= 0x20 || c == '\n' || c == '\t' || c == '\r') {
                        b.append(c);
                    }
                }
            }
        }
        return b.toString();
    }
}
