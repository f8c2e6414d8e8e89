package sde.bench;

import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;
import org.apache.parquet.hadoop.util.HadoopInputFile;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * A bench job (jobs/bench-rows DIR): what a leaderboard row costs on disk under DIR (a sweep's or a daemon's output), read
 * from the Parquet footers: the part files, the rows, the bytes a row on disk and in column chunks, and each column's bytes
 * a row, largest first, with its codec. Where a layout or retention change should aim, and how far it got.
 */
public final class RowBytes {
    private RowBytes() {}

    public static void main(String[] args) throws Exception {
        if (args.length != 1) throw new IllegalArgumentException("usage: jobs/bench-rows DIR");
        List<Path> parts;
        try (Stream<Path> s = Files.walk(Path.of(args[0]))) {
            parts = s.filter(p -> p.toString().endsWith(".parquet") && Files.isRegularFile(p)).toList();
        }
        Map<String, Long> bytes = new TreeMap<>();
        Map<String, String> codec = new TreeMap<>();
        long rows = 0, onDisk = 0;
        for (Path p : parts) {
            onDisk += Files.size(p);
            try (ParquetFileReader r = ParquetFileReader.open(HadoopInputFile.fromPath(new org.apache.hadoop.fs.Path(p.toUri()),
                    new Configuration()))) {
                for (BlockMetaData b : r.getFooter().getBlocks()) {
                    rows += b.getRowCount();
                    for (ColumnChunkMetaData c : b.getColumns()) {
                        bytes.merge(c.getPath().toDotString(), c.getTotalSize(), Long::sum);
                        codec.put(c.getPath().toDotString(), c.getCodec().name());
                    }
                }
            }
        }
        long n = Math.max(rows, 1), chunks = bytes.values().stream().mapToLong(Long::longValue).sum();
        System.out.printf(Locale.ROOT, "%,d part files, %,d rows: %.1f bytes a row on disk, %.1f in column chunks%n", parts.size(), rows,
                onDisk / (double) n, chunks / (double) n);
        bytes.entrySet().stream().sorted((a, b) -> Long.compare(b.getValue(), a.getValue())).forEach(e ->
                System.out.printf(Locale.ROOT, "  %-24s %8.1f  %s%n", e.getKey(), e.getValue() / (double) n, codec.get(e.getKey())));
    }
}
