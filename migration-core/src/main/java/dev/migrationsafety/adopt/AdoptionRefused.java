package dev.migrationsafety.adopt;

/** Why {@code migration:adopt} changed nothing, and what to do instead. */
public final class AdoptionRefused extends Exception {
    private static final long serialVersionUID = 1L;

    private final String fix;

    public AdoptionRefused(String message, String fix) {
        super(message);
        this.fix = fix;
    }

    /** What to do instead. */
    public String fix() {
        return fix;
    }
}
