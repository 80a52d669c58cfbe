package dev.migrationsafety.roundtrip;

/** The step of a round trip a problem happened in. */
public enum Phase {
    UP("up"),
    DOWN("down"),
    RE_UP("re-up");

    private final String label;

    Phase(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
