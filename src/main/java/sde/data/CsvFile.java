package sde.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A small CSV file read whole: header and rows with their 1-based line numbers.
 * Hand-written rather than a CSV library because the market files are plain numeric tables
 * (no quoting beyond optional double quotes around a field) and we need exact line numbers
 * for the one-line error messages; a byte-order mark and CRLF endings are tolerated.
 */
public record CsvFile(Path path, List<String> header, List<String[]> rows, int[] lineNumbers) {

    public static CsvFile read(Path path) {
        List<String> lines;
        try (BufferedReader r = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            lines = r.lines().toList();
        } catch (NoSuchFileException e) {
            throw new DataException(path, 0, "file not found");
        } catch (IOException | UncheckedIOException e) {
            throw new DataException(path, 0, "cannot read: " + e.getMessage());
        }
        int first = 0;
        while (first < lines.size() && clean(lines.get(first)).isEmpty()) first++;
        if (first == lines.size()) throw new DataException(path, 0, "empty file");
        List<String> header = new ArrayList<>();
        for (String h : split(clean(lines.get(first)))) header.add(h);
        List<String[]> rows = new ArrayList<>(lines.size());
        int[] numbers = new int[lines.size()];
        for (int i = first + 1; i < lines.size(); i++) {
            String line = clean(lines.get(i));
            if (line.isEmpty()) continue;
            numbers[rows.size()] = i + 1;
            rows.add(split(line));
        }
        if (rows.isEmpty()) throw new DataException(path, first + 1, "no data rows after the header");
        return new CsvFile(path, List.copyOf(header), rows, Arrays.copyOf(numbers, rows.size()));
    }

    private static String clean(String line) {
        String s = line;
        if (!s.isEmpty() && s.charAt(0) == '\uFEFF') s = s.substring(1);
        return s.strip();
    }

    /** One line, RFC 4180 quoting within the line ("a,b" and "" escapes); fields are trimmed. */
    static String[] split(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') { cur.append('"'); i++; }
                else if (c == '"') quoted = false;
                else cur.append(c);
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                out.add(cur.toString().strip());
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        out.add(cur.toString().strip());
        return out.toArray(new String[0]);
    }

    public DataException error(int rowIndex, String reason) {
        return new DataException(path, lineNumbers[rowIndex], reason);
    }
}
