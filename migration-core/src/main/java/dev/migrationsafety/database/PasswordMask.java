package dev.migrationsafety.database;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Hides passwords in text where they actually stand, and nowhere else: the password of a URL's user info
 * ({@code //user:secret@host}), the value of a {@code password=} or {@code pwd=} parameter, and each known password
 * where it stands as a word of its own. A known password inside a longer word is hidden too, unless it is short or
 * a well-known default, so that the password {@code postgres} leaves {@code jdbc:postgresql://} alone.
 */
public final class PasswordMask {
    static final String MASK = "****";

    /** The password of the user info in {@code scheme://user:password@host}, up to the last {@code @} before a path. */
    private static final Pattern USERINFO = Pattern.compile("(//[^/:@\\s]*:)([^/\\s]*)@");

    /** A password parameter in running text: its value ends where a URL, a quotation or a sentence goes on. */
    private static final Pattern PARAMETER = Pattern.compile("(?i)((?:password|pwd)=)([^&;\\s\"'<>]*)");

    /** A password parameter of a URL, which ends only at the next parameter. */
    private static final Pattern URL_PARAMETER = Pattern.compile("(?i)(?:password|pwd)=([^&;]*)");

    /** Known passwords shorter than this are hidden only where they stand as a word of their own. */
    static final int STRONG_LENGTH = 8;

    /** Defaults that are also ordinary words of a message or URL: hidden only where they stand alone. */
    private static final Set<String> COMMON = Set.of(
            "postgres", "postgresql", "password", "password1", "changeme", "12345678", "123456789", "administrator");

    private PasswordMask() {}

    /** The passwords written into a JDBC URL: in its user info and in its {@code password=} parameters. */
    static List<String> passwordsIn(String url) {
        List<String> found = new ArrayList<>();
        if (url == null) {
            return found;
        }
        Matcher info = USERINFO.matcher(url);
        while (info.find()) {
            found.add(info.group(2));
        }
        Matcher parameter = URL_PARAMETER.matcher(url);
        while (parameter.find()) {
            found.add(parameter.group(1));
        }
        found.removeIf(String::isEmpty);
        return found;
    }

    /** The text with URL passwords and each of the known passwords replaced by {@code ****}. */
    static String mask(String text, List<String> known) {
        if (text == null) {
            return null;
        }
        String masked = USERINFO.matcher(text).replaceAll("$1" + MASK + "@");
        masked = PARAMETER.matcher(masked).replaceAll("$1" + MASK);
        Set<String> secrets = new LinkedHashSet<>();
        for (String k : known) {
            if (k != null && !k.isEmpty() && !k.equals(MASK)) {
                secrets.add(k);
            }
        }
        for (String secret : secrets) {
            masked = maskOne(masked, secret);
        }
        return masked;
    }

    /** Replaces the secret where it stands as a word; anywhere when it is long and not a common default. */
    private static String maskOne(String text, String secret) {
        boolean anywhere = secret.length() >= STRONG_LENGTH && !COMMON.contains(secret.toLowerCase(Locale.ROOT));
        StringBuilder out = null;
        int from = 0;
        int at = text.indexOf(secret);
        while (at >= 0) {
            int end = at + secret.length();
            if (anywhere || standsAlone(text, at, end)) {
                if (out == null) {
                    out = new StringBuilder(text.length());
                }
                out.append(text, from, at).append(MASK);
                from = end;
                at = text.indexOf(secret, end);
            } else {
                at = text.indexOf(secret, at + 1);
            }
        }
        if (out == null) {
            return text;
        }
        return out.append(text, from, text.length()).toString();
    }

    /** Whether text[at, end) is not glued to a letter, digit or underscore on either side. */
    private static boolean standsAlone(String text, int at, int end) {
        boolean startFree = at == 0 || !isWordChar(text.charAt(at)) || !isWordChar(text.charAt(at - 1));
        boolean endFree = end == text.length() || !isWordChar(text.charAt(end - 1)) || !isWordChar(text.charAt(end));
        return startFree && endFree;
    }

    private static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_';
    }

    /** Whether a JDBC URL carries a password of its own. */
    static boolean hasPassword(String url) {
        return !passwordsIn(url).isEmpty();
    }
}
