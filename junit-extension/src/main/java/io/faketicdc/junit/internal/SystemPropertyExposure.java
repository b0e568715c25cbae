package io.faketicdc.junit.internal;

/**
 * A system property holding a fake's base URL while it runs, restored afterwards. System
 * properties are global to the JVM: this is not safe when tests run in parallel.
 */
public final class SystemPropertyExposure {
    private static final SystemPropertyExposure NONE = new SystemPropertyExposure(null, null);

    private final String name;
    private final String previous;

    private SystemPropertyExposure(String name, String previous) {
        this.name = name;
        this.previous = previous;
    }

    /** Sets {@code name} to {@code value} (no-op when {@code name} is null). */
    public static SystemPropertyExposure publish(String name, String value) {
        if (name == null) return NONE;
        String previous = System.setProperty(name, value);
        return new SystemPropertyExposure(name, previous);
    }

    /** Puts back the value the property had before, or clears it. */
    public void restore() {
        if (name == null) return;
        if (previous == null) System.clearProperty(name);
        else System.setProperty(name, previous);
    }
}
