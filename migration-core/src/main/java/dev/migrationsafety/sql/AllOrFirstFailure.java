package dev.migrationsafety.sql;

/**
 * Collects the first failure of work running on several threads, so that the caller can wait for all of it before
 * rethrowing. An entry point that returned while some of its tasks still parsed would leave them running after its
 * scope closed: they would start the parser's watchdog again, outside the mojo or rule that owned them.
 */
public final class AllOrFirstFailure {
    private Throwable first;

    /** Runs {@code work}, keeping its failure (the first one wins) instead of throwing it. */
    public void run(Runnable work) {
        try {
            work.run();
        } catch (Throwable t) {
            synchronized (this) {
                if (first == null) {
                    first = t;
                } else if (first != t) {
                    first.addSuppressed(t);
                }
            }
        }
    }

    /** Throws the first failure, if any: call it after every piece of work has finished. */
    public synchronized void rethrow() {
        if (first instanceof RuntimeException e) {
            throw e;
        }
        if (first instanceof Error e) {
            throw e;
        }
        if (first != null) {
            throw new IllegalStateException(first);
        }
    }
}
