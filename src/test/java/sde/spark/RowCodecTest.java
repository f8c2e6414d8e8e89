package sde.spark;

import org.junit.jupiter.api.Test;
import sde.sweep.Trial;
import sde.sweep.Evaluation;

import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** What goes to the executors and comes back is the record, every component of it. */
class RowCodecTest {

    /**
     * A record with every component set to a value of its own (strings and numbers distinct per component, a nested
     * record filled the same way), through its canonical constructor.
     */
    private static <T extends Record> T filled(Class<T> type, int salt) throws Exception {
        RecordComponent[] cs = type.getRecordComponents();
        Object[] args = new Object[cs.length];
        Class<?>[] types = new Class<?>[cs.length];
        for (int k = 0; k < cs.length; k++) {
            Class<?> t = cs[k].getType();
            types[k] = t;
            int n = k + 1 + 100 * type.getSimpleName().length();
            args[k] = t == String.class ? cs[k].getName() + "-" + salt + " \u00e9\u20ac" : t == int.class ? (Object) (n * 1000 + salt)
                    : t == double.class ? (Object) (n + salt / 7.0) : t == boolean.class ? (Object) ((n + salt) % 2 == 0)
                    : t.isRecord() ? filled(t.asSubclass(Record.class), salt) : null;
            if (args[k] == null) throw new AssertionError(type.getSimpleName() + "." + cs[k].getName()
                    + ": RowCodec writes strings, ints, booleans, doubles and records of them, not " + t);
        }
        return type.getDeclaredConstructor(types).newInstance(args);
    }

    @Test
    void everyComponentOfARowAndOfATrialComesBack() throws Exception {
        List<Evaluation> rows = List.of(filled(Evaluation.class, 1), filled(Evaluation.class, 2));
        List<Evaluation> back = RowCodec.evaluations(RowCodec.evaluations(rows));
        assertEquals(rows, back, "records compare by every component");
        assertNotEquals(rows.get(0), rows.get(1));
        // A search's trial (a genome) and a given run (params text): records compare by their components.
        List<Trial> trials = List.of(Trial.ofGenome("s \u00e9", 3, "tpe", "a1", new double[]{0.25, Double.MIN_VALUE, 1}),
                Trial.ofParams("validate", 0, "jitter", "v0001", "{\"strategies\":[]} \u20ac"), Trial.ofGenome("s", 4, "ga", "a2",
                        new double[0]).withEdgeBar(1.25));
        List<Trial> tback = RowCodec.trials(RowCodec.trials(trials));
        for (int k = 0; k < 3; k++) {
            Trial a = trials.get(k), b = tback.get(k);
            assertEquals(List.of(a.study(), a.generation(), a.optimizer(), a.id(), String.valueOf(a.params()), a.edgeBar()),
                    List.of(b.study(), b.generation(), b.optimizer(), b.id(), String.valueOf(b.params()), b.edgeBar()));
            assertArrayEquals(a.genome(), b.genome());
        }
    }

    @Test
    void aFailedRowKeepsItsNaNFitnessItsNullsAndALongError() {
        Evaluation e = new Evaluation("s", 0, "ga", "abc", null, "[]", null, null, Evaluation.Figures.FAILED, "x".repeat(100_000), 1.5);
        Evaluation back = RowCodec.evaluations(RowCodec.evaluations(List.of(e))).get(0);   // beyond writeUTF's 64 KB
        assertEquals("abc", back.id());
        assertEquals(Double.doubleToRawLongBits(Double.NaN), Double.doubleToRawLongBits(back.fitness()));
        assertEquals(100_000, back.error().length());
        assertNull(back.params());
        assertEquals(e, back);
        assertArrayEquals(new Object[0], RowCodec.trials(RowCodec.trials(List.of())).toArray());
    }

    @Test
    void truncatedBytesAreAnErrorThatSaysSo() {
        byte[] whole = RowCodec.trials(List.of(Trial.ofParams("s", 0, "ga", "id", "{}")));
        byte[] cut = Arrays.copyOf(whole, whole.length - 3);
        RuntimeException e = assertThrows(RuntimeException.class, () -> RowCodec.trials(cut));
        assertEquals("a partition's rows are truncated or corrupt", e.getMessage());
    }
}
