package sde.results;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import sde.io.Json;
import sde.io.Location;

import java.util.ArrayList;
import java.util.List;

/**
 * An optimization log (SPEC §7 optimization_log.json) kept as an append-only journal: each entry is
 * one line of NAME.jsonl, appended as it happens, so nothing already logged is ever rewritten and a
 * kill loses at most the line being written (a torn last line is skipped on reading). NAME.json, the
 * whole list that SPEC §7 names, is derived from the journal at each {@link #publish()}, once per
 * generation rather than once per entry. A folder from before the journal has only NAME.json: the
 * journal starts from its entries.
 */
public final class Journal {
    private final Location lines, list;

    private Journal(Location lines, Location list) {
        this.lines = lines;
        this.list = list;
    }

    /** The journal OUT/optimization_log.jsonl, published as OUT/optimization_log.json. */
    public static Journal in(Location out) {
        Journal j = new Journal(out.resolve("optimization_log.jsonl"), out.resolve("optimization_log.json"));
        if (!j.lines.isFile() && j.list.isFile()) {
            StringBuilder sb = new StringBuilder();
            for (JsonNode e : Json.read(j.list, new TypeReference<List<JsonNode>>() {}, List.of())) {
                sb.append(line(e));
            }
            j.lines.write(sb.toString());
        }
        return j;
    }

    /** Appends one entry (a record of the results layer, or a map at the daemon's JSON edge). */
    public void append(Object entry) {
        lines.append(line(entry));
    }

    /** Every entry so far, oldest first. */
    public List<JsonNode> entries() {
        List<JsonNode> out = new ArrayList<>();
        String text = lines.read().orElse("");
        for (String l : text.split("\n", -1)) {
            if (l.isBlank()) continue;
            try {
                out.add(Json.MAPPER.readTree(l));
            } catch (JsonProcessingException e) {
                // A torn line: only the last can be (a kill inside its append), and it was never published.
                if (!text.endsWith(l)) throw new IllegalArgumentException(lines + ": unreadable entry: " + l.substring(0, Math.min(80,
                        l.length())));
            }
        }
        return out;
    }

    /** Writes NAME.json, the whole log, from the journal (temp file, then rename). */
    public void publish() {
        Json.write(list, entries());
    }

    private static String line(Object entry) {
        return Json.compact(entry) + "\n";
    }
}
