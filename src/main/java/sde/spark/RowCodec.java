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
 * of the beans cost the driver little at run time but kept its C2 compiler busy: in a warm
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
    }

    private static Trial trial(DataInputStream in) throws IOException {
        String study = readString(in);
        int generation = in.readInt();
        String optimizer = readString(in), id = readString(in);
        int n = in.readInt();
        double[] genome = n < 0 ? null : new double[n];
        for (int k = 0; k < n; k++) genome[k] = in.readDouble();
        return new Trial(study, generation, optimizer, id, genome, readString(in));
    }

    /**
     * A row: the strings, the ints, the booleans, then the doubles, each group in the bean's declaration order.
     * RowCodecTest sets every bean property and reads it back, so a property added to the bean and not here fails there.
     */
    private static void write(DataOutputStream out, Evaluation e) throws IOException {
        for (String s : new String[]{e.getStudy(), e.getOptimizer(), e.getId(), e.getParams(), e.getGenome(), e.getYears(), e.getTier(),
                e.getDataFingerprint(), e.getCodeVersion(), e.getError()}) {
            writeString(out, s);
        }
        out.writeInt(e.getGeneration());
        out.writeInt(e.getTrades());
        out.writeInt(e.getCapacityBoundTrades());
        out.writeBoolean(e.isFeasible());
        for (double d : new double[]{e.getViolation(), e.getFitness(), e.getTrainScore(), e.getTrainCagrPct(), e.getTrainMaxDdPct(),
                e.getTestScore(), e.getTestCagrPct(), e.getTestMaxDdPct(), e.getScore(), e.getCagrPct(), e.getMaxDdPct(), e.getSharpe(),
                e.getWallMs()}) {
            out.writeDouble(d);
        }
    }

    private static Evaluation evaluation(DataInputStream in) throws IOException {
        Evaluation e = new Evaluation();
        e.setStudy(readString(in));
        e.setOptimizer(readString(in));
        e.setId(readString(in));
        e.setParams(readString(in));
        e.setGenome(readString(in));
        e.setYears(readString(in));
        e.setTier(readString(in));
        e.setDataFingerprint(readString(in));
        e.setCodeVersion(readString(in));
        e.setError(readString(in));
        e.setGeneration(in.readInt());
        e.setTrades(in.readInt());
        e.setCapacityBoundTrades(in.readInt());
        e.setFeasible(in.readBoolean());
        e.setViolation(in.readDouble());
        e.setFitness(in.readDouble());
        e.setTrainScore(in.readDouble());
        e.setTrainCagrPct(in.readDouble());
        e.setTrainMaxDdPct(in.readDouble());
        e.setTestScore(in.readDouble());
        e.setTestCagrPct(in.readDouble());
        e.setTestMaxDdPct(in.readDouble());
        e.setScore(in.readDouble());
        e.setCagrPct(in.readDouble());
        e.setMaxDdPct(in.readDouble());
        e.setSharpe(in.readDouble());
        e.setWallMs(in.readDouble());
        return e;
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
