package sde.results;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sde.io.Location;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

class JournalTest {
    @Test
    void entriesAreAppendedAsLinesAndPublishedAsTheWholeLog(@TempDir Path dir) throws Exception {
        Journal j = Journal.in(Location.of(dir));
        j.append(SweepLogEntry.hypothesis("s", 0, "a random start"));
        j.append(Map.of("event", "stop", "reason", "budget"));
        assertEquals(2, Files.readAllLines(dir.resolve("optimization_log.jsonl")).size(), "one line per entry");
        assertFalse(Files.exists(dir.resolve("optimization_log.json")), "published only when asked");
        j.publish();
        String log = Files.readString(dir.resolve("optimization_log.json"));
        assertTrue(log.startsWith("[ {\n  \"generation\" : 0,\n  \"hypothesis\" : \"a random start\",\n  \"study\" : \"s\"\n}"), log);
        assertTrue(log.contains("\"reason\" : \"budget\""), log);
    }

    @Test
    void aTornLastLineFromAKillIsSkipped(@TempDir Path dir) throws Exception {
        Journal j = Journal.in(Location.of(dir));
        j.append(Map.of("event", "start"));
        Files.writeString(dir.resolve("optimization_log.jsonl"), "{\"event\":\"deci", StandardOpenOption.APPEND);
        assertEquals(1, j.entries().size());
        Files.writeString(dir.resolve("optimization_log.jsonl"), "\n{\"event\":\"stop\"}\n", StandardOpenOption.APPEND);
        assertThrows(IllegalArgumentException.class, j::entries, "a bad line inside the journal is damage, not a kill");
    }

    @Test
    void aFolderFromBeforeTheJournalStartsItFromItsLog(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("optimization_log.json"), "[ {\"event\" : \"start\"}, {\"event\" : \"stop\"} ]\n");
        Journal j = Journal.in(Location.of(dir));
        j.append(Map.of("event", "start"));
        assertEquals(List.of("start", "stop", "start"), j.entries().stream().map(e -> e.get("event").asText()).toList());
    }
}
