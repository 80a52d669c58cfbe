package dev.migrationsafety.migration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class IrreversibleMarkerTest {
    @Test
    void roundTripsAReasonWithQuotes() {
        String content = "-- header\n" + IrreversibleMarker.line("drops the \"legacy\" audit data") + "\n";
        assertEquals(Optional.of("drops the \"legacy\" audit data"), IrreversibleMarker.reasonIn(content));
    }

    @Test
    void markerWithoutReasonIsMarkedButHasNoReason() {
        assertTrue(IrreversibleMarker.isMarked("-- migration:irreversible\n"));
        assertEquals(Optional.empty(), IrreversibleMarker.reasonIn("-- migration:irreversible\n"));
        assertEquals(Optional.empty(), IrreversibleMarker.reasonIn("--migration:irreversible reason=\"  \"\n"));
    }

    @Test
    void ordinaryDownScriptIsNotMarked() {
        assertFalse(IrreversibleMarker.isMarked("DROP TABLE t; -- not migration:irreversible\n"));
        assertFalse(IrreversibleMarker.isMarked("-- migration:irreversibles reason=\"x\""));
    }
}
