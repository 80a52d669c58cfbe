package dev.migrationsafety.sql;

import dev.migrationsafety.sql.Operation.ServerAccess;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Finds what reaches beyond the database onto its server, and changes to roles and privileges ({@link
 * TokenPrivileges}), in the tokens of a
 * statement or of a procedural body: {@code COPY ... PROGRAM} and server files ({@code COPY} to or from a file,
 * {@code pg_read_file(...)} and the like anywhere in a statement, MySQL {@code INTO OUTFILE}, {@code LOAD DATA
 * INFILE}, {@code LOAD_FILE(...)}), untrusted languages, server configuration ({@code ALTER SYSTEM}, MySQL
 * {@code SET GLOBAL}), roles and grants. Statements are found where the body scanner finds them: at the start and
 * after {@code ;}, {@code BEGIN}, {@code THEN} and the like. Linear: each token is read once, and once more by the
 * statement it belongs to.
 */
final class TokenServer {
    /** Server-side functions that touch the database host's files, with what they do. */
    private static final Map<String, String> FILE_FUNCTIONS = Map.ofEntries(
            Map.entry("PG_READ_FILE", "reads a file of the database server"),
            Map.entry("PG_READ_BINARY_FILE", "reads a file of the database server"),
            Map.entry("PG_LS_DIR", "lists a directory of the database server"),
            Map.entry("PG_LOGDIR_LS", "lists the log directory of the database server"),
            Map.entry("PG_STAT_FILE", "reads the status of a file of the database server"),
            Map.entry("LO_IMPORT", "reads a file of the database server into a large object"),
            Map.entry("LO_EXPORT", "writes a large object to a file of the database server"),
            Map.entry("PG_FILE_WRITE", "writes a file of the database server"),
            Map.entry("PG_FILE_RENAME", "renames a file of the database server"),
            Map.entry("PG_FILE_UNLINK", "deletes a file of the database server"),
            Map.entry("PG_FILE_SYNC", "flushes a file of the database server"),
            Map.entry("LOAD_FILE", "reads a file of the database server"));

    /** dblink functions that connect to a database or run SQL there: SQL this analysis never sees. */
    private static final Set<String> REMOTE_SQL =
            Set.of("DBLINK", "DBLINK_EXEC", "DBLINK_CONNECT", "DBLINK_CONNECT_U", "DBLINK_SEND_QUERY", "DBLINK_OPEN");

    private TokenServer() {}

    static void scan(List<Tok> toks, TokenOps out) {
        int n = toks.size();
        // where each statement ends: at the next ';' or word after which a statement starts (BEGIN, THEN, ...), so
        // that no token is read twice however the statements nest
        int[] boundary = new int[n + 1];
        boundary[n] = n;
        for (int i = n - 1; i >= 0; i--) {
            boundary[i] = TokenClassifier.startsAfter(toks.get(i)) ? i : boundary[i + 1];
        }
        for (int i = 0; i < n; i++) {
            Tok t = toks.get(i);
            if (t.isName() && i + 1 < n && toks.get(i + 1).isSymbol("(") && !namesRoutine(toks, i)) {
                call(functionName(t), out);
            } else if (t.is("INTO")
                    && i + 2 < n
                    && (toks.get(i + 1).is("OUTFILE") || toks.get(i + 1).is("DUMPFILE"))) {
                Tok file = toks.get(i + 2);
                if (file.kind() == Tok.Kind.STRING) {
                    out.add(new Operation.ServerSide(
                            ServerAccess.FILE,
                            "INTO " + toks.get(i + 1).upper() + " " + file.text()
                                    + " writes a file of the database server"));
                }
            }
            if (t.kind() == Tok.Kind.WORD && (i == 0 || TokenClassifier.startsAfter(toks.get(i - 1)))) {
                statement(toks, i, boundary[i + 1], out);
            }
        }
    }

    /** Whether the name at {@code i} is the routine a statement creates, alters or drops, not a call. */
    private static boolean namesRoutine(List<Tok> toks, int i) {
        int j = i >= 2 && toks.get(i - 1).isSymbol(".") ? i - 3 : i - 1;
        while (j >= 0
                && (toks.get(j).is("EXISTS")
                        || toks.get(j).is("NOT")
                        || toks.get(j).is("IF"))) {
            j--;
        }
        return j >= 0 && (toks.get(j).is("FUNCTION") || toks.get(j).is("PROCEDURE"));
    }

    /** A name, string or dollar-quoted literal as the text it stands for ({@code "plpython3u"} is plpython3u). */
    private static String word(Tok t) {
        return t.kind() == Tok.Kind.QUOTED ? Identifiers.normalize(t.text(), Dialect.POSTGRESQL) : t.literalBody();
    }

    private static String functionName(Tok t) {
        return t.kind() == Tok.Kind.QUOTED
                ? Identifiers.normalize(t.text(), Dialect.POSTGRESQL).toUpperCase(Locale.ROOT)
                : t.upper();
    }

    private static void call(String name, TokenOps out) {
        String file = FILE_FUNCTIONS.get(name);
        if (file != null) {
            out.add(new Operation.ServerSide(ServerAccess.FILE, name.toLowerCase(Locale.ROOT) + "(...) " + file));
        } else if (REMOTE_SQL.contains(name)) {
            out.add(new Operation.NotAnalysable(name.toLowerCase(Locale.ROOT)
                    + "(...) connects to another database and runs SQL there, which the analysis cannot read"));
        }
    }

    /** The statement that starts at {@code from} and ends before {@code to}. */
    private static void statement(List<Tok> toks, int from, int to, TokenOps out) {
        TokenCursor c = new TokenCursor(toks, from + 1, to);
        switch (toks.get(from).upper()) {
            case "COPY" -> copy(c, out);
            case "LOAD" -> load(c, out);
            case "CREATE" -> create(c, out);
            case "DO" -> language(c, out);
            case "ALTER" -> alter(c, out);
            case "DROP" -> TokenPrivileges.role(c, "drops", out);
            case "RENAME" -> TokenPrivileges.renameUser(c, out);
            case "SET" -> set(c, out);
            case "GRANT" -> TokenPrivileges.grant(c, out);
            default -> {
                // nothing of interest
            }
        }
    }

    /** {@code COPY {table [(columns)] | (query)} {FROM | TO} {'file' | PROGRAM 'command' | STDIN | STDOUT}}. */
    private static void copy(TokenCursor c, TokenOps out) {
        c.accept("BINARY");
        if (c.isSymbol("(")) {
            c.skipParens();
        } else if (c.dottedName() != null) {
            c.skipParens();
        }
        boolean from = c.accept("FROM");
        if (!from && !c.accept("TO")) {
            return;
        }
        String direction = from ? "FROM" : "TO";
        Tok target = c.next();
        if (target == null || target.is("STDIN") || target.is("STDOUT")) {
            return;
        }
        if (target.is("PROGRAM")) {
            Tok command = c.next();
            out.add(new Operation.ServerSide(
                    ServerAccess.PROGRAM,
                    "COPY ... " + direction + " PROGRAM " + (command == null ? "" : shorten(command.text()) + " ")
                            + "runs a command on the database server"));
            return;
        }
        out.add(new Operation.ServerSide(
                ServerAccess.FILE,
                "COPY ... " + direction + " " + shorten(target.text()) + (from ? " reads" : " writes")
                        + " a file of the database server"));
    }

    /** MySQL {@code LOAD DATA | XML [LOW_PRIORITY | CONCURRENT] [LOCAL] INFILE 'file'}; PostgreSQL {@code LOAD 'library'}. */
    private static void load(TokenCursor c, TokenOps out) {
        if (c.peek() != null && c.peek().kind() == Tok.Kind.STRING) {
            out.add(new Operation.ServerSide(
                    ServerAccess.UNTRUSTED_CODE,
                    "LOAD " + shorten(c.peek().text()) + " loads a shared library into the database server"));
            return;
        }
        if (!c.accept("DATA") && !c.accept("XML")) {
            return;
        }
        c.accept("LOW_PRIORITY");
        c.accept("CONCURRENT");
        boolean local = c.accept("LOCAL");
        if (!c.accept("INFILE")) {
            return;
        }
        Tok file = c.next();
        out.add(new Operation.ServerSide(
                ServerAccess.FILE,
                "LOAD DATA " + (local ? "LOCAL " : "") + "INFILE " + (file == null ? "" : shorten(file.text()) + " ")
                        + (local
                                ? "reads a file of the machine that runs the migration"
                                : "reads a file of the database server")));
    }

    private static void create(TokenCursor c, TokenOps out) {
        c.accept("OR", "REPLACE");
        if (c.is("FOREIGN", "TABLE")) {
            foreignTable(c, out);
            return;
        }
        if (c.is("EXTENSION")) {
            c.next();
            c.accept("IF", "NOT", "EXISTS");
            Tok name = c.next();
            if (name != null && untrusted(word(name))) {
                out.add(new Operation.ServerSide(
                        ServerAccess.UNTRUSTED_CODE,
                        "CREATE EXTENSION " + name.text() + " installs an untrusted language, whose code runs"
                                + " with the database server's rights on its host"));
            }
            return;
        }
        if (!TokenPrivileges.role(c, "creates", out)) {
            language(c, out);
        }
    }

    /**
     * {@code LANGUAGE x} outside parentheses in the rest of a {@code CREATE FUNCTION}, {@code CREATE LANGUAGE} or
     * {@code DO}: code in an untrusted language (or C) runs with the server's rights on its host.
     */
    private static void language(TokenCursor c, TokenOps out) {
        int at = TokenCursor.indexOfTopLevel(c.toks, c.pos, c.end, "LANGUAGE");
        if (at >= 0 && at + 1 < c.end) {
            String language = word(c.toks.get(at + 1));
            if (untrusted(language)) {
                out.add(new Operation.ServerSide(
                        ServerAccess.UNTRUSTED_CODE,
                        "code in language " + language.toLowerCase(Locale.ROOT)
                                + " runs with the database server's rights on its host"));
            }
        }
    }

    /**
     * The file_fdw options of {@code CREATE / ALTER FOREIGN TABLE}: {@code program 'command'} runs the command on the
     * database server each time the table is read, {@code filename 'file'} reads a file of the server.
     */
    private static void foreignTable(TokenCursor c, TokenOps out) {
        for (int i = c.pos; i + 1 < c.end; i++) {
            Tok option = c.toks.get(i);
            Tok value = c.toks.get(i + 1);
            if (value.kind() != Tok.Kind.STRING) {
                continue;
            }
            if (option.is("PROGRAM")) {
                out.add(new Operation.ServerSide(
                        ServerAccess.PROGRAM,
                        "a foreign table with program " + shorten(value.text())
                                + " runs a command on the database server each time it is read"));
            } else if (option.is("FILENAME")) {
                out.add(new Operation.ServerSide(
                        ServerAccess.FILE,
                        "a foreign table with filename " + shorten(value.text())
                                + " reads a file of the database server"));
            }
        }
    }

    /** PostgreSQL's untrusted languages end in {@code u} ({@code plpython3u}, {@code plperlu}); C loads a library. */
    static boolean untrusted(String language) {
        String l = language.toLowerCase(Locale.ROOT);
        return l.equals("c")
                || l.equals("plsh")
                || l.equals("plr")
                || (l.startsWith("pl") && l.endsWith("u") && l.length() > 3);
    }

    private static void alter(TokenCursor c, TokenOps out) {
        if (c.accept("SYSTEM")) {
            out.add(new Operation.ServerSide(
                    ServerAccess.CONFIGURATION,
                    "ALTER SYSTEM " + TokenCursor.text(c.toks, c.pos, Math.min(c.end, c.pos + 2))
                            + " changes the configuration of the whole server"));
        } else if (c.is("FOREIGN", "TABLE")) {
            foreignTable(c, out);
        } else if (c.accept("DEFAULT", "PRIVILEGES")) {
            int grant = TokenCursor.indexOfTopLevel(c.toks, c.pos, c.end, "GRANT");
            if (grant >= 0) {
                c.pos = grant + 1;
                TokenPrivileges.grant(c, out);
            }
        } else {
            TokenPrivileges.role(c, "alters", out);
        }
    }

    /** MySQL {@code SET GLOBAL | PERSIST | PERSIST_ONLY x = ...}, {@code SET @@global.x = ...}; {@code SET PASSWORD}. */
    private static void set(TokenCursor c, TokenOps out) {
        if (c.accept("PASSWORD")) {
            TokenPrivileges.setPassword(c, out);
            return;
        }
        // the scope of each assignment: right after SET or after a comma (SET search_path TO global is a schema)
        for (int[] part : TokenCursor.splitTopLevel(c.toks, c.pos, c.end)) {
            int i = part[0];
            Tok t = c.toks.get(i);
            boolean systemVariable = (t.text().equals("@@") || t.text().equals("@"))
                    && i + 1 < part[1]
                    && (c.toks.get(i + 1).is("GLOBAL")
                            || c.toks.get(i + 1).is("PERSIST")
                            || c.toks.get(i + 1).is("PERSIST_ONLY"));
            if (t.is("GLOBAL")
                    || t.is("PERSIST")
                    || t.is("PERSIST_ONLY")
                    || t.text().toLowerCase(Locale.ROOT).startsWith("@@global")
                    || t.text().toLowerCase(Locale.ROOT).startsWith("@@persist")
                    || systemVariable) {
                out.add(new Operation.ServerSide(
                        ServerAccess.CONFIGURATION,
                        "SET " + TokenPrivileges.compact(TokenCursor.text(c.toks, i, settingEnd(c.toks, i, part[1])))
                                + " changes the configuration of the whole server"));
                return;
            }
        }
    }

    /** Where the name of the first setting ends: at {@code =}, {@code :=} or {@code TO}, at most 6 tokens on. */
    private static int settingEnd(List<Tok> toks, int from, int to) {
        int i = from;
        while (i < Math.min(to, from + 6)
                && !toks.get(i).isSymbol("=")
                && !toks.get(i).isSymbol(":=")
                && !toks.get(i).is("TO")) {
            i++;
        }
        return i;
    }

    private static String shorten(String text) {
        return text.length() <= 60 ? text : text.substring(0, 57) + "...";
    }
}
