package dev.migrationsafety.lint;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

/** Flyway's per-script configuration file ({@code V1__x.sql.conf}): only what the checks need. */
final class ScriptConfig {
    private ScriptConfig() {}

    /** The {@code executeInTransaction} setting, or {@code null} when absent or unreadable. */
    static Boolean executeInTransaction(byte[] conf) {
        if (conf == null || conf.length == 0) {
            return null;
        }
        Properties p = new Properties();
        try {
            p.load(new StringReader(new String(conf, StandardCharsets.UTF_8)));
        } catch (IOException | IllegalArgumentException e) {
            return null;
        }
        String v = p.getProperty("executeInTransaction");
        return v == null ? null : Boolean.valueOf(v.strip());
    }
}
