package dev.migrationsafety.sql;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the token classifier found in one statement: operations with where each is written and runs, the parts it
 * could not clear, and the names the statement calls.
 */
final class TokenOps {
    final List<Operation> operations = new ArrayList<>(2);
    /** One per operation: where it is written and runs; {@code null} for the statement's own start. */
    final List<Site> sites = new ArrayList<>(2);

    final List<String> unclear = new ArrayList<>(0);
    /** The first call of each name from each place (a name called on 10,000 rows is one call). */
    final Map<RoutineCall, RoutineCall> calls = new LinkedHashMap<>(4);
    /** The routine whose body is being read, or {@code null} where what is read runs with the statement. */
    Routine routine;
    /**
     * Where in the statement's tokens the body of the routine it defines starts, when that body is written inline
     * (MySQL {@code BEGIN ... END}, SQL-standard {@code RETURN} or {@code BEGIN ATOMIC}): the calls from there on are
     * the routine's, not the statement's.
     */
    int routineBodyFrom = Integer.MAX_VALUE;

    void add(Operation op) {
        operations.add(op);
        sites.add(null);
    }

    void unclear(String what) {
        unclear.add(what);
    }

    void call(String name, int line) {
        calls.putIfAbsent(new RoutineCall(name, 0, routine), new RoutineCall(name, line, routine));
    }

    /** Takes what {@code inner}, the reading of a body, found. */
    void addAll(TokenOps inner) {
        operations.addAll(inner.operations);
        sites.addAll(inner.sites);
        inner.calls.forEach(calls::putIfAbsent);
    }

    boolean complete() {
        return unclear.isEmpty();
    }
}
