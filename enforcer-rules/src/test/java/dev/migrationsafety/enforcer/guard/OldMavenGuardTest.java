package dev.migrationsafety.enforcer.guard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import dev.migrationsafety.enforcer.LegacyMigrationFreezeRule;
import dev.migrationsafety.enforcer.LinearMigrationHistoryRule;
import dev.migrationsafety.enforcer.MigrationNamingRule;
import dev.migrationsafety.enforcer.NoDestructiveMigrations;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Map;
import javax.inject.Named;
import org.apache.maven.enforcer.rule.api.EnforcerRuleError;
import org.apache.maven.rtinfo.RuntimeInformation;
import org.eclipse.sisu.Priority;
import org.junit.jupiter.api.Test;

/**
 * Maven before 3.9.6 cannot see the rules (Java 17 classes) and finds the guards under their names instead; Maven
 * 3.9.6 and newer ranks the rules first. Tried by hand with Maven 3.8.7 and 3.9.11 (see docs/rules/).
 */
class OldMavenGuardTest {
    private static final Map<Class<?>, Class<? extends OldMavenGuard>> GUARDS = Map.of(
            MigrationNamingRule.class, MigrationNamingGuard.class,
            LinearMigrationHistoryRule.class, LinearMigrationHistoryGuard.class,
            LegacyMigrationFreezeRule.class, LegacyMigrationFreezeGuard.class,
            NoDestructiveMigrations.class, NoDestructiveMigrationsGuard.class);

    @Test
    void everyRuleHasAGuardUnderItsNameRankedBelowIt() throws Exception {
        for (Map.Entry<Class<?>, Class<? extends OldMavenGuard>> e : GUARDS.entrySet()) {
            Class<?> rule = e.getKey();
            Class<?> guard = e.getValue();
            assertEquals(
                    rule.getAnnotation(Named.class).value(),
                    guard.getAnnotation(Named.class).value());
            int ruleRank = rule.isAnnotationPresent(Priority.class)
                    ? rule.getAnnotation(Priority.class).value()
                    : 0;
            assertTrue(guard.getAnnotation(Priority.class).value() < ruleRank, guard + " must rank below " + rule);
            // every parameter of the rule is one the guard accepts
            for (Class<?> t = rule; t != Object.class; t = t.getSuperclass()) {
                for (Field f : t.getDeclaredFields()) {
                    if (!java.lang.reflect.Modifier.isStatic(f.getModifiers())
                            && !java.lang.reflect.Modifier.isFinal(f.getModifiers())
                            && t.getName().startsWith("dev.migrationsafety")) {
                        assertTrue(hasField(guard, f.getName()), guard.getSimpleName() + " lacks " + f.getName());
                    }
                }
            }
        }
    }

    @Test
    void guardsAreJava8ClassesListedInTheIndex() throws Exception {
        String index;
        try (InputStream in = getClass().getResourceAsStream("/META-INF/sisu/javax.inject.Named")) {
            index = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        for (Class<? extends OldMavenGuard> guard : new ArrayList<>(GUARDS.values())) {
            assertTrue(index.contains(guard.getName()), guard + " is not in the Sisu index");
            try (InputStream in = guard.getResourceAsStream(guard.getSimpleName() + ".class")) {
                byte[] head = in.readNBytes(8);
                assertEquals(52, ((head[6] & 0xff) << 8) | (head[7] & 0xff), guard + " is not Java 8 bytecode");
            }
        }
    }

    @Test
    void aGuardFailsWithOneLineThatSaysWhatToDo() {
        RuntimeInformation runtime = mock(RuntimeInformation.class);
        when(runtime.getMavenVersion()).thenReturn("3.8.7");
        EnforcerRuleError e = assertThrows(EnforcerRuleError.class, () -> new MigrationNamingGuard(runtime).execute());
        assertEquals(
                "[migrationNaming] needs Maven 3.9.6 or newer, and this build runs on Maven 3.8.7 - upgrade Maven, or"
                        + " run the build through a Maven wrapper pinned to a current release (mvn wrapper:wrapper,"
                        + " then ./mvnw)",
                e.getMessage());
    }

    @Test
    void aSkippedGuardPasses() throws Exception {
        NoDestructiveMigrationsGuard guard = new NoDestructiveMigrationsGuard(mock(RuntimeInformation.class));
        Field skip = OldMavenGuard.class.getDeclaredField("skip");
        skip.setAccessible(true);
        skip.set(guard, "true");
        guard.execute(); // passes: no exception
    }

    private static boolean hasField(Class<?> type, String name) {
        for (Class<?> t = type; t != null; t = t.getSuperclass()) {
            try {
                t.getDeclaredField(name);
                return true;
            } catch (NoSuchFieldException e) {
                // look further up
            }
        }
        return false;
    }
}
