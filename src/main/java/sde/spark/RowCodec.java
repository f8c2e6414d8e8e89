package sde.spark;

import sde.sweep.Trial;
import sde.sweep.Evaluation;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The form in which a generation's trials travel to the executors and their rows come back:
 * one byte array per partition, each field written in order. Java serialization
 * of the rows cost the driver little at run time but kept its C2 compiler busy: in a warm
 * 4-generation sweep loop the JIT was still compiling ObjectInputStream and ObjectOutputStream's
 * reflective paths, 1.6 s of compiler time over three loops of 2 s each on a 2-core machine, beside
 * the executors. A byte array is one object to Spark. Hand-written because the rows are plain
 * strings, ints and doubles, and a library (Kryo) would bring back the reflection and its warm-up.
 */
final class RowCodec {
    private RowCodec() {}

    static byte[] trials(List<Trial> ts) {
        return write(ts.size(), out -> { for (Trial t : ts) write(out, t); });
    }

    static List<Trial> trials(byte[] bytes) {
        return read(bytes, RowCodec::trial);
    }

    static byte[] evaluations(List<Evaluation> rows) {
        return write(rows.size(), out -> { for (Evaluation e : rows) write(out, e); });
    }

    static List<Evaluation> evaluations(byte[] bytes) {
        return read(bytes, RowCodec::evaluation);
    }

    /** A trial: its fields in declaration order, the genome as its length (−1: none) and its doubles. */
    private static void write(DataOutputStream out, Trial t) throws IOException {
        writeString(out, t.study());
        out.writeInt(t.generation());
        writeString(out, t.optimizer());
        writeString(out, t.id());
        double[] g = t.genome();
        out.writeInt(g == null ? -1 : g.length);
        if (g != null) for (double x : g) out.writeDouble(x);
        writeString(out, t.params());
        out.writeDouble(t.edgeBar());
    }

    private static Trial trial(DataInputStream in) throws IOException {
        String study = readString(in);
        int generation = in.readInt();
        String optimizer = readString(in), id = readString(in);
        int n = in.readInt();
        double[] genome = n < 0 ? null : new double[n];
        for (int k = 0; k < n; k++) genome[k] = in.readDouble();
        String params = readString(in);
        return new Trial(study, generation, optimizer, id, genome, params, in.readDouble());
    }

    /**
     * A row: its components in declaration order, the figures' in theirs. RowCodecTest reads back a row whose every
     * component differs from its default, so a component added to the record and not here fails there.
     */
    private static void write(DataOutputStream out, Evaluation e) throws IOException {
        writeString(out, e.study());
        out.writeInt(e.generation());
        writeString(out, e.optimizer());
        writeString(out, e.id());
        writeString(out, e.params());
        writeString(out, e.genome());
        writeString(out, e.dataFingerprint());
        writeString(out, e.codeVersion());
        Evaluation.Figures f = e.figures();
        for (double d : new double[]{f.fitness(), f.violation()}) out.writeDouble(d);
        out.writeBoolean(f.feasible());
        for (double d : new double[]{f.trainScore(), f.trainCagrPct(), f.trainMaxDdPct(), f.testScore(), f.testCagrPct(),
                f.testMaxDdPct(), f.score(), f.cagrPct(), f.maxDdPct(), f.sharpe()}) {
            out.writeDouble(d);
        }
        out.writeInt(f.trades());
        out.writeInt(f.capacityBoundTrades());
        writeString(out, f.tier());
        writeString(out, f.years());
        out.writeDouble(f.scoreWorst());
        writeString(out, f.worstSurface());
        writeString(out, e.error());
        out.writeDouble(e.wallMs());
    }

    /** Java evaluates arguments left to right: each read below takes the next field in the order written above. */
    private static Evaluation evaluation(DataInputStream in) throws IOException {
        String study = readString(in);
        int generation = in.readInt();
        String optimizer = readString(in), id = readString(in), params = readString(in), genome = readString(in);
        String fingerprint = readString(in), codeVersion = readString(in);
        Evaluation.Figures f = new Evaluation.Figures(in.readDouble(), in.readDouble(), in.readBoolean(), in.readDouble(),
                in.readDouble(), in.readDouble(), in.readDouble(), in.readDouble(), in.readDouble(), in.readDouble(), in.readDouble(),
                in.readDouble(), in.readDouble(), in.readInt(), in.readInt(), readString(in), readString(in), in.readDouble(),
                readString(in));
        return new Evaluation(study, generation, optimizer, id, params, genome, fingerprint, codeVersion, f, readString(in),
                in.readDouble());
    }

    /** Null as length −1, else the UTF-8 bytes after their length (no 64 KB limit, unlike writeUTF: an error can be long). */
    static void writeString(DataOutputStream out, String s) throws IOException {
        if (s == null) {
            out.writeInt(-1);
            return;
        }
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(b.length);
        out.write(b);
    }

    static String readString(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0) return null;
        byte[] b = new byte[n];
        in.readFully(b);
        return new String(b, StandardCharsets.UTF_8);
    }

    private interface Body { void write(DataOutputStream out) throws IOException; }

    private interface Item<T> { T read(DataInputStream in) throws IOException; }

    private static byte[] write(int count, Body body) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(1024 + 2048 * count);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(count);
            body.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);   // a byte array does not fail to grow
        }
        return bytes.toByteArray();
    }

    private static <T> List<T> read(byte[] bytes, Item<T> item) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            int n = in.readInt();
            List<T> out = new ArrayList<>(n);
            for (int k = 0; k < n; k++) out.add(item.read(in));
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException("a partition's rows are truncated or corrupt", e);
        }
    }
}
