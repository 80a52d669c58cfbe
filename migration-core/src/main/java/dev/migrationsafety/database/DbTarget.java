package dev.migrationsafety.database;

import dev.migrationsafety.sql.Dialect;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where to connect: a JDBC URL and credentials. {@link #toString()}, {@link #maskedUrl()} and {@link #mask} never show
 * the password, also when it is written into the URL ({@code //user:secret@host}, {@code password=secret}), and
 * leave the rest of the text as it was (see {@link PasswordMask}).
 */
public record DbTarget(String url, String user, String password) {
    private static final Pattern URL_USERINFO_ANY = Pattern.compile("//[^/@?]*@");
    private static final Pattern CREDENTIAL_PARAM = Pattern.compile("(?i)(user|password|pwd)=");
    private static final Pattern SERVER_URL = Pattern.compile("^(jdbc:[a-z0-9]+://[^/?;]*)(/[^?;]*)?(.*)$");

    public Dialect dialect() {
        return Dialect.ofJdbcUrl(url);
    }

    public Connection connect() throws SQLException {
        Properties props = new Properties();
        if (user != null && !user.isEmpty()) {
            props.setProperty("user", user);
        }
        if (password != null && !password.isEmpty()) {
            props.setProperty("password", password);
        }
        return DriverManager.getConnection(url, props);
    }

    /** The same server and credentials, another database: the path of a server URL replaced. */
    public DbTarget withDatabase(String database) {
        Matcher m = SERVER_URL.matcher(url);
        if (!m.matches()) {
            throw new IllegalArgumentException("cannot tell the database in URL " + maskedUrl());
        }
        return new DbTarget(m.group(1) + "/" + database + m.group(3), user, password);
    }

    /**
     * The same URL logged in as another account: user and password written into the URL (query parameters or
     * {@code user:password@host}) are removed, so that the given credentials are the ones the driver uses.
     */
    public DbTarget as(String otherUser, String otherPassword) {
        String plain = URL_USERINFO_ANY.matcher(url).replaceFirst("//");
        int query = plain.indexOf('?');
        if (query >= 0) {
            StringBuilder kept = new StringBuilder();
            for (String param : plain.substring(query + 1).split("&")) {
                if (!CREDENTIAL_PARAM.matcher(param).lookingAt() && !param.isEmpty()) {
                    kept.append(kept.length() == 0 ? "?" : "&").append(param);
                }
            }
            plain = plain.substring(0, query) + kept;
        }
        return new DbTarget(plain, otherUser, otherPassword);
    }

    /** The URL with any password in it replaced by {@code ****}. */
    public String maskedUrl() {
        return mask(url);
    }

    /**
     * The text with every password hidden: those written into any URL in it, and this target's own, whether given
     * as the password or written into its URL, where it stands as a word (see {@link PasswordMask}).
     */
    public String mask(String text) {
        List<String> known = new ArrayList<>(PasswordMask.passwordsIn(url));
        known.add(password);
        return PasswordMask.mask(text, known);
    }

    /** Whether the URL itself carries a password, in its user info or a {@code password=} parameter. */
    public boolean urlHasPassword() {
        return PasswordMask.hasPassword(url);
    }

    /** The text with URL passwords and the given password hidden. */
    static String mask(String text, String password) {
        return PasswordMask.mask(text, Collections.singletonList(password));
    }

    @Override
    public String toString() {
        return maskedUrl() + (user == null ? "" : " as " + user);
    }
}
