package dev.migrationsafety.migration;

import dev.migrationsafety.io.AtomicFiles;
import dev.migrationsafety.io.DirectoryLock;
import dev.migrationsafety.migration.GeneratedMigration.CreatedFile;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Creates a new migration and its down script ({@code mvn migration:new}).
 *
 * <p>The version is the later of now (UTC, written by the {@link NamingPolicy}) and one second after the newest
 * existing version, moved on to the next second this JVM has not issued yet. So a new migration always sorts last,
 * and two runs in the same second (or two modules of a parallel build) never share a version. Scanning and creating
 * happen under a {@link DirectoryLock} on the migration directory, and files are created with
 * {@link AtomicFiles#createNew}: nothing is ever overwritten; on a clash with a file created behind the lock's back
 * the next second is tried.
 */
public final class MigrationGenerator {
    /** The latest instant a timestamp version may stand for. */
    static final Instant LAST_TIMESTAMP = Instant.parse("9999-12-31T23:59:59Z");

    private static final int MAX_ATTEMPTS = 100;
    private static final IssuedVersions JVM_ISSUED = new IssuedVersions();

    private final Clock clock;
    private final IssuedVersions issued;

    /** A generator on the given clock that shares this JVM's record of issued versions. */
    public MigrationGenerator(Clock clock) {
        this(clock, JVM_ISSUED);
    }

    MigrationGenerator(Clock clock, IssuedVersions issued) {
        this.clock = clock;
        this.issued = issued;
    }

    /**
     * Creates the files.
     *
     * @throws NewMigrationException for anything the user can fix, saying how
     * @throws IOException when the files cannot be written
     */
    public GeneratedMigration generate(NewMigration request) throws IOException {
        String slug;
        try {
            slug = request.policy().slug(request.description());
        } catch (IllegalArgumentException e) {
            throw new NewMigrationException(e.getMessage());
        }
        if (request.irreversible() && request.irreversibleReason().isBlank()) {
            throw new NewMigrationException("the reason for an irreversible migration is empty; say why it cannot be"
                    + " undone, e.g. -Dmigration.irreversibleReason=\"drops the legacy audit data\"");
        }
        if (request.irreversible() && request.template().kind() == MigrationKind.REPEATABLE) {
            throw new NewMigrationException("a repeatable migration has no down script, so it cannot be marked "
                    + "irreversible; leave out -Dmigration.noDown and -Dmigration.irreversibleReason");
        }
        if (request.template().kind() == MigrationKind.VERSIONED
                && !request.irreversible()
                && !request.template().hasDown()) {
            throw new NewMigrationException("template " + request.template().name() + " has no "
                    + MigrationTemplate.DOWN_FILE + "; add one, or mark the migration irreversible with "
                    + "-Dmigration.noDown=true -Dmigration.irreversibleReason=\"why\"");
        }
        MigrationLayout layout = request.layout();
        Path dir = layout.primaryMigrationDir();
        try (DirectoryLock lock = DirectoryLock.acquire(dir)) {
            if (request.template().kind() == MigrationKind.REPEATABLE) {
                return createRepeatable(request, slug);
            }
            return createVersioned(request, slug);
        }
    }

    private GeneratedMigration createRepeatable(NewMigration request, String slug) throws IOException {
        MigrationLayout layout = request.layout();
        Path up = layout.primaryMigrationDir().resolve(layout.naming().fileName(MigrationKind.REPEATABLE, "", slug));
        Map<String, String> values = values(request, up, null, "", "");
        try {
            AtomicFiles.createNew(up, request.template().renderUp(values));
        } catch (FileAlreadyExistsException e) {
            if (!Files.exists(up)) {
                throw e;
            }
            throw new NewMigrationException(layout.display(up) + " already exists; edit it (Flyway runs it again "
                    + "whenever it changes) or choose another name");
        }
        return new GeneratedMigration(
                new CreatedFile(up, layout.display(up)), Optional.empty(), Optional.empty(), List.of());
    }

    private GeneratedMigration createVersioned(NewMigration request, String slug) throws IOException {
        MigrationLayout layout = request.layout();
        NamingPolicy policy = request.policy();
        MigrationSet existing = new MigrationScanner(request.ignoredNames()).scan(layout);
        List<String> notices = new ArrayList<>();

        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        Instant candidate = now;
        Optional<MigrationVersion> newest = existing.newestVersion();
        if (newest.isPresent() && !version(policy, candidate).isNewerThan(newest.get())) {
            Instant after = firstTimestampAfter(policy, newest.get(), candidate);
            if (after == null) {
                throw new NewMigrationException("no timestamp version sorts after the newest existing version "
                        + newest.get() + " (" + fileOf(existing, newest.get()) + "): the pattern "
                        + policy.timestampPattern() + " writes at most " + policy.versionText(LAST_TIMESTAMP)
                        + ". Rename that migration if it has not run anywhere yet, or configure a timestampPattern "
                        + "(migration.timestampPattern) whose versions sort after it");
            }
            Optional<Instant> newestTime = policy.timestampOf(newest.get());
            // ahead of the clock, and not just because this JVM already used the current second (and the next)
            if (newestTime.isEmpty() || (newestTime.get().isAfter(now) && !issued.contains(newestTime.get()))) {
                notices.add(clockBehind(policy, existing, newest.get(), now, after));
            }
            candidate = after;
        }

        candidate = issued.firstFree(candidate);
        for (int attempt = 0;
                attempt < MAX_ATTEMPTS;
                attempt++, candidate = issued.firstFree(candidate.plusSeconds(1))) {
            String versionText = policy.versionText(candidate);
            Path up = layout.primaryMigrationDir()
                    .resolve(layout.naming().fileName(MigrationKind.VERSIONED, versionText, slug));
            Path down = layout.undoDir().resolve(layout.naming().fileName(MigrationKind.UNDO, versionText, slug));
            Map<String, String> values = values(
                    request, up, down, versionText, version(policy, candidate).dotted());
            try {
                AtomicFiles.createNew(up, request.template().renderUp(values));
            } catch (FileAlreadyExistsException e) {
                if (Files.exists(up)) {
                    continue; // created behind the lock's back: never overwrite, take the next second
                }
                throw e;
            }
            try {
                AtomicFiles.createNew(down, downContent(request, values));
            } catch (IOException | RuntimeException e) {
                Files.deleteIfExists(up); // no migration without its down script
                if (e instanceof FileAlreadyExistsException && Files.exists(down)) {
                    continue;
                }
                throw e;
            }
            issued.record(candidate);
            return new GeneratedMigration(
                    new CreatedFile(up, layout.display(up)),
                    Optional.of(new CreatedFile(down, layout.display(down))),
                    Optional.of(MigrationVersion.parse(versionText)),
                    notices);
        }
        throw new IOException("could not create a migration in " + layout.display(layout.primaryMigrationDir()) + ": "
                + MAX_ATTEMPTS + " versions in a row were taken by files created while this goal ran");
    }

    private static String downContent(NewMigration request, Map<String, String> values) {
        if (request.irreversible()) {
            return MigrationTemplate.renderIrreversibleDown(values, request.irreversibleReason());
        }
        return request.template().renderDown(values);
    }

    private Map<String, String> values(NewMigration request, Path up, Path down, String version, String dotted) {
        MigrationLayout layout = request.layout();
        Map<String, String> values = new HashMap<>();
        values.put("description", request.description().strip().replaceAll("\\s+", " "));
        values.put("slug", request.policy().slug(request.description()));
        values.put("version", version);
        values.put("flywayVersion", dotted);
        values.put("created", clock.instant().truncatedTo(ChronoUnit.SECONDS).toString());
        values.put("upFile", layout.display(up));
        values.put("downFile", down == null ? "" : layout.display(down));
        return values;
    }

    private static MigrationVersion version(NamingPolicy policy, Instant instant) {
        return MigrationVersion.parse(policy.versionText(instant));
    }

    /** The first second from {@code from} on whose version sorts after {@code newest}, or null if none does. */
    static Instant firstTimestampAfter(NamingPolicy policy, MigrationVersion newest, Instant from) {
        long lo = from.getEpochSecond();
        long hi = LAST_TIMESTAMP.getEpochSecond();
        if (lo > hi || !version(policy, LAST_TIMESTAMP).isNewerThan(newest)) {
            return null;
        }
        while (lo < hi) { // the policy orders versions like time, so a binary search finds the first one
            long mid = lo + (hi - lo) / 2;
            if (version(policy, Instant.ofEpochSecond(mid)).isNewerThan(newest)) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return Instant.ofEpochSecond(lo);
    }

    private static String clockBehind(
            NamingPolicy policy, MigrationSet existing, MigrationVersion newest, Instant now, Instant chosen) {
        String file = fileOf(existing, newest);
        String chosenText = policy.versionText(chosen);
        if (policy.timestampOf(newest).isPresent()) {
            return "The clock (" + now + ") is behind the newest migration " + file + "; using version "
                    + chosenText + " (newest + 1 second) so the new migration sorts last. Check the clock, and that "
                    + "version " + newest.text() + " is not a typo";
        }
        return "The newest migration " + file + " has version " + newest.text() + ", which sorts after the current"
                + " time (" + now + ") written as " + policy.versionText(now) + "; using version " + chosenText
                + ", the first timestamp after it, so the new migration sorts last";
    }

    private static String fileOf(MigrationSet existing, MigrationVersion version) {
        return existing.files().stream()
                .filter(f -> version.equals(f.version()))
                .map(MigrationFile::displayPath)
                .findFirst()
                .orElse(version.text());
    }

    /**
     * The versions (as instants) issued in this JVM, in any directory, so that no two generations share one: two
     * modules of a parallel build may feed the same Flyway history. A version is skipped only if it was issued,
     * rather than everything up to the latest one, so that a module whose newest migration is far in the future
     * does not drag the other modules' versions there too.
     */
    static final class IssuedVersions {
        private final Set<Instant> issued = new HashSet<>();

        /** The first instant from {@code from} on that this JVM has not issued. */
        synchronized Instant firstFree(Instant from) {
            Instant candidate = from;
            while (issued.contains(candidate)) {
                candidate = candidate.plusSeconds(1);
            }
            return candidate;
        }

        synchronized boolean contains(Instant instant) {
            return issued.contains(instant);
        }

        synchronized void record(Instant instant) {
            issued.add(instant);
        }
    }
}
