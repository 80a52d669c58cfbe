package dev.migrationsafety.roundtrip;

import java.util.Locale;

/** How the round trip walks the migrations. */
public enum RoundtripMode {
    /** Per migration: up, down (compare with before), up again (compare with the first up). */
    STEP,
    /** Up all, down all in reverse, up all, comparing the end states (Liquibase's updateTestingRollback). */
    CHAIN;

    public static RoundtripMode parse(String text) {
        try {
            return valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException("unknown round trip mode '" + text + "'; use step or chain");
        }
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
