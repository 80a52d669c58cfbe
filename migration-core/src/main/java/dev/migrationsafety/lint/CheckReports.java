package dev.migrationsafety.lint;

import dev.migrationsafety.report.Finding;
import dev.migrationsafety.report.JsonWriter;
import dev.migrationsafety.report.Severity;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The reports of a check run: JSON (our own shape), SARIF 2.1.0 (for code-scanning upload), a Markdown summary
 * (e.g. for a pull-request comment) and GitHub workflow annotation lines.
 */
public final class CheckReports {
    public static final String TOOL_NAME = "migration-maven-plugin";
    public static final String TOOL_URI = "https://github.com/migrationsafety/migration-maven-plugin";
    private static final String CHECKS_DOC = TOOL_URI + "/blob/main/docs/checks/README.md#";

    private final List<Finding> findings;
    private final Severity failOn;
    private final String toolVersion;

    public CheckReports(List<Finding> findings, Severity failOn, String toolVersion) {
        this.findings = List.copyOf(findings);
        this.failOn = failOn;
        this.toolVersion = toolVersion == null ? "unknown" : toolVersion;
    }

    /** {@code {tool, failOn, summary{...}, findings[{path, line, column, severity, check, message, fix, blocking}]}}. */
    public String json() {
        JsonWriter w = new JsonWriter().beginObject();
        w.field("tool", TOOL_NAME).field("version", toolVersion).field("failOn", failOn.id());
        w.name("summary").beginObject();
        w.field("findings", findings.size()).field("blocking", blockingCount());
        counts().forEach((s, n) -> w.field(s.id(), n));
        w.endObject();
        w.name("findings").beginArray();
        for (Finding f : findings) {
            w.beginObject()
                    .field("path", f.path())
                    .field("line", f.line())
                    .field("column", f.column())
                    .field("severity", f.severity().id())
                    .field("check", f.ruleId())
                    .field("message", f.message())
                    .field("fix", f.fix())
                    .field("blocking", Check.blocks(f, failOn))
                    .endObject();
        }
        return w.endArray().endObject().toString();
    }

    /** A SARIF 2.1.0 log with one run; every check of the catalogue is described as a rule. */
    public String sarif() {
        JsonWriter w = new JsonWriter().beginObject();
        w.field("$schema", "https://json.schemastore.org/sarif-2.1.0.json").field("version", "2.1.0");
        w.name("runs").beginArray().beginObject();
        w.name("tool").beginObject().name("driver").beginObject();
        w.field("name", TOOL_NAME).field("version", toolVersion).field("informationUri", TOOL_URI);
        w.name("rules").beginArray();
        Map<String, Integer> index = new LinkedHashMap<>();
        for (Check c : Check.values()) {
            index.put(c.id(), index.size());
            w.beginObject().field("id", c.id());
            w.name("shortDescription").beginObject().field("text", c.id()).endObject();
            w.name("fullDescription").beginObject().field("text", c.why()).endObject();
            w.name("help")
                    .beginObject()
                    .field("text", c.why() + " Safer: " + c.fix() + ".")
                    .endObject();
            w.field("helpUri", CHECKS_DOC + c.id());
            w.name("defaultConfiguration")
                    .beginObject()
                    .field("level", level(c.severity()))
                    .endObject();
            w.name("properties").beginObject().field("severity", c.severity().id());
            w.name("tags")
                    .beginArray()
                    .value("migration")
                    .value(c.severity().id())
                    .endArray();
            w.endObject().endObject();
        }
        w.endArray().endObject().endObject();
        w.name("originalUriBaseIds")
                .beginObject()
                .name("%SRCROOT%")
                .beginObject()
                .endObject()
                .endObject();
        w.name("results").beginArray();
        for (Finding f : findings) {
            w.beginObject().field("ruleId", f.ruleId());
            Integer i = index.get(f.ruleId());
            if (i != null) {
                w.field("ruleIndex", i);
            }
            w.field("level", Check.blocks(f, failOn) ? "error" : level(f.severity()));
            w.name("message").beginObject().field("text", f.message() + (f.fix().isEmpty() ? "" : " - " + f.fix()));
            w.endObject();
            w.name("locations")
                    .beginArray()
                    .beginObject()
                    .name("physicalLocation")
                    .beginObject();
            w.name("artifactLocation").beginObject().field("uri", uri(f.path())).field("uriBaseId", "%SRCROOT%");
            w.endObject();
            if (f.line() > 0) {
                w.name("region").beginObject().field("startLine", f.line());
                if (f.column() > 0) {
                    w.field("startColumn", f.column());
                }
                w.endObject();
            }
            w.endObject().endObject().endArray();
            w.name("properties")
                    .beginObject()
                    .field("severity", f.severity().id())
                    .endObject();
            w.endObject();
        }
        return w.endArray().endObject().endArray().endObject().toString();
    }

    /** A Markdown summary: counts by severity, then one table row per finding. */
    public String markdown() {
        StringBuilder md = new StringBuilder("# Migration check\n\n");
        int blocking = blockingCount();
        md.append(
                findings.isEmpty()
                        ? "No findings.\n"
                        : findings.size() + (findings.size() == 1 ? " finding" : " findings") + ", " + blocking
                                + " blocking at threshold `" + failOn.id() + "`.\n");
        if (!findings.isEmpty()) {
            md.append("\n| Severity | Count |\n| --- | ---: |\n");
            counts().forEach((s, n) ->
                    md.append("| ").append(s.id()).append(" | ").append(n).append(" |\n"));
            md.append("\n| Where | Severity | Check | What | Fix |\n| --- | --- | --- | --- | --- |\n");
            for (Finding f : findings) {
                md.append("| `")
                        .append(cell(f.location()))
                        .append("` | ")
                        .append(f.severity().id())
                        .append(Check.blocks(f, failOn) ? " (blocking)" : "")
                        .append(" | [")
                        .append(f.ruleId())
                        .append("](")
                        .append(CHECKS_DOC)
                        .append(f.ruleId())
                        .append(") | ")
                        .append(cell(f.message()))
                        .append(" | ")
                        .append(cell(f.fix()))
                        .append(" |\n");
            }
        }
        return md.toString();
    }

    /** GitHub workflow commands: {@code ::error file=...,line=...,col=...,title=...::message - fix}. */
    public List<String> githubAnnotations() {
        List<String> lines = new ArrayList<>();
        for (Finding f : findings) {
            String level = Check.blocks(f, failOn) ? "error" : f.severity() == Severity.LOW ? "notice" : "warning";
            StringBuilder b =
                    new StringBuilder("::").append(level).append(" file=").append(property(f.path()));
            if (f.line() > 0) {
                b.append(",line=").append(f.line());
                if (f.column() > 0) {
                    b.append(",col=").append(f.column());
                }
            }
            b.append(",title=").append(property(f.severity().id() + " [" + f.ruleId() + "]"));
            b.append("::").append(data(f.message() + (f.fix().isEmpty() ? "" : " - " + f.fix())));
            lines.add(b.toString());
        }
        return lines;
    }

    private int blockingCount() {
        return (int) findings.stream().filter(f -> Check.blocks(f, failOn)).count();
    }

    private Map<Severity, Integer> counts() {
        Map<Severity, Integer> counts = new EnumMap<>(Severity.class);
        for (Severity s : Severity.values()) {
            counts.put(s, 0);
        }
        findings.forEach(f -> counts.merge(f.severity(), 1, Integer::sum));
        return counts;
    }

    private static String level(Severity s) {
        return switch (s) {
            case CRITICAL, HIGH -> "error";
            case MEDIUM -> "warning";
            case LOW -> "note";
        };
    }

    private static String uri(String path) {
        StringBuilder b = new StringBuilder();
        for (char c : path.toCharArray()) {
            if (Character.isLetterOrDigit(c) && c < 128 || "/-._~".indexOf(c) >= 0) {
                b.append(c);
            } else {
                for (byte x : String.valueOf(c).getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
                    b.append('%').append(String.format("%02X", x & 0xff));
                }
            }
        }
        return b.toString();
    }

    private static String cell(String s) {
        return s.replace("|", "\\|").replace("\n", " ");
    }

    private static String data(String s) {
        return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
    }

    private static String property(String s) {
        return data(s).replace(":", "%3A").replace(",", "%2C");
    }
}
