package dev.migrationsafety.sql;

import java.util.ArrayList;
import java.util.List;

/** What the token classifier found in one statement: operations, and the parts it could not clear. */
final class TokenOps {
    final List<Operation> operations = new ArrayList<>(2);
    final List<String> unclear = new ArrayList<>(0);

    void add(Operation op) {
        operations.add(op);
    }

    void unclear(String what) {
        unclear.add(what);
    }

    boolean complete() {
        return unclear.isEmpty();
    }
}
