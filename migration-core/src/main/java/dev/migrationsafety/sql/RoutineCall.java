package dev.migrationsafety.sql;

/**
 * A name called as a function or procedure ({@code f(...)}, {@code CALL p}), which may be a routine of the same
 * migration. Read by name only: a call of a built-in ({@code now()}) is one too, and matches no routine.
 *
 * @param name the called name as the dialect normalises it, without schema
 * @param line 1-based line of the call in the file
 * @param from the routine whose body makes the call (it happens only when that runs); {@code null} when the call
 *     runs with its statement
 */
public record RoutineCall(String name, int line, Routine from) {}
