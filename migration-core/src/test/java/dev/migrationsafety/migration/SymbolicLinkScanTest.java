package dev.migrationsafety.migration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Symbolic links in a location are followed as Maven's copy and Flyway follow them, within the project. */
class SymbolicLinkScanTest {
    private static final String M = "src/main/resources/db/migration/";

    @TempDir
    Path root;

    private Path project() throws IOException {
        return Files.createDirectories(root.resolve("project"));
    }

    private static Path write(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        return Files.writeString(file, "SELECT 1;\n");
    }

    private static MigrationSet scan(Path project) {
        return new MigrationScanner().scan(MigrationLayout.defaults(project));
    }

    private static List<String> files(MigrationSet set) {
        return set.files().stream().map(MigrationFile::displayPath).toList();
    }

    private static List<String> strays(MigrationSet set) {
        return set.strays().stream()
                .map(s -> s.displayPath() + " " + s.reason())
                .toList();
    }

    @Test
    void followsALinkedDirectoryInsideTheProject() throws IOException {
        Path project = project();
        write(project.resolve(M + "V1__a.sql"));
        write(project.resolve("shared/sql/V2__b.sql"));
        Files.createSymbolicLink(project.resolve(M + "shared"), Path.of("../../../../../shared/sql"));

        MigrationSet set = scan(project);

        assertEquals(List.of(M + "V1__a.sql", M + "shared/V2__b.sql"), files(set));
        assertEquals(List.of(), strays(set));
    }

    @Test
    void followsALinkedFileInsideTheProject() throws IOException {
        Path project = project();
        Path target = write(project.resolve("shared/V2__b.sql"));
        Files.createDirectories(project.resolve(M));
        Files.createSymbolicLink(project.resolve(M + "V2__b.sql"), target);

        assertEquals(List.of(M + "V2__b.sql"), files(scan(project)));
    }

    @Test
    void reportsADirectoryLinkThatLeavesTheProjectAndDoesNotEnterIt() throws IOException {
        Path project = project();
        write(root.resolve("elsewhere/V3__c.sql"));
        Files.createDirectories(project.resolve(M));
        Files.createSymbolicLink(project.resolve(M + "outside"), Path.of("../../../../../../elsewhere"));

        MigrationSet set = scan(project);

        assertEquals(List.of(), files(set));
        assertEquals(
                List.of(M + "outside is a symbolic link to ../../../../../../elsewhere, which leaves the project; Maven"
                        + " copies what it links to and Flyway runs it, but no rule can check it"),
                strays(set));
    }

    @Test
    void reportsAFileLinkThatLeavesTheProject() throws IOException {
        Path project = project();
        Path target = write(root.resolve("V4__d.sql"));
        Files.createDirectories(project.resolve(M));
        Files.createSymbolicLink(project.resolve(M + "V4__d.sql"), target);

        MigrationSet set = scan(project);

        assertEquals(List.of(), files(set));
        assertEquals(
                List.of(M + "V4__d.sql is a symbolic link to " + target + ", which leaves the project; Maven copies"
                        + " what it links to and Flyway runs it, but no rule can check it"),
                strays(set));
    }

    @Test
    void reportsALinkToAnAncestorOnceInsteadOfLooping() throws IOException {
        Path project = project();
        write(project.resolve(M + "V1__a.sql"));
        Files.createDirectories(project.resolve(M + "sub"));
        Files.createSymbolicLink(project.resolve(M + "sub/again"), Path.of(".."));

        MigrationSet set = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> scan(project));

        assertEquals(List.of(M + "V1__a.sql"), files(set));
        assertEquals(
                List.of(M + "sub/again is a symbolic link to .., a directory that contains it; following it would"
                        + " loop"),
                strays(set));
    }

    @Test
    void reportsWhereALinkToTheProjectRootComesBackToTheLocation() throws IOException {
        Path project = project();
        write(project.resolve(M + "V1__a.sql"));
        Files.createSymbolicLink(project.resolve(M + "up"), Path.of("../../../../.."));

        MigrationSet set = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> scan(project));

        assertEquals(List.of(M + "V1__a.sql"), files(set));
        assertEquals(
                List.of(M + "up/" + M.substring(0, M.length() - 1) + " is " + M.substring(0, M.length() - 1)
                        + " again, reached through a symbolic link above it; following it would loop"),
                strays(set));
    }

    @Test
    void aLocationThatIsItselfALinkIsFollowedInsideAndReportedOutside() throws IOException {
        Path project = project();
        write(project.resolve("sql/V1__a.sql"));
        Files.createDirectories(project.resolve("src/main/resources/db"));
        Files.createSymbolicLink(project.resolve(M.substring(0, M.length() - 1)), Path.of("../../../../sql"));
        assertEquals(List.of(M + "V1__a.sql"), files(scan(project)));

        Path other = project();
        Files.delete(other.resolve(M.substring(0, M.length() - 1)));
        write(root.resolve("elsewhere/V1__a.sql"));
        Files.createSymbolicLink(other.resolve(M.substring(0, M.length() - 1)), root.resolve("elsewhere"));
        MigrationSet set = scan(other);
        assertEquals(List.of(), files(set));
        assertEquals(1, set.strays().size(), strays(set).toString());
    }

    @Test
    void reportsABrokenLink() throws IOException {
        Path project = project();
        Files.createDirectories(project.resolve(M));
        Files.createSymbolicLink(project.resolve(M + "V5__gone.sql"), Path.of("nowhere.sql"));

        assertEquals(List.of(M + "V5__gone.sql is a broken symbolic link"), strays(scan(project)));
    }
}
