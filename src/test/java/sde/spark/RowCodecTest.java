package sde.spark;

import org.junit.jupiter.api.Test;
import sde.sweep.Trial;
import sde.sweep.Evaluation;

import java.beans.Introspector;
import java.beans.PropertyDescriptor;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** What goes to the executors and comes back is the bean, every property of it. */
class RowCodecTest {

    /** Every bean property set to a value of its own (strings and numbers distinct per property), by introspection. */
    private static <T> T filled(Class<T> type, int salt) throws Exception {
        T bean = type.getDeclaredConstructor().newInstance();
        int k = 0;
        for (PropertyDescriptor p : Introspector.getBeanInfo(type, Object.class).getPropertyDescriptors()) {
            k++;
            Class<?> t = p.getPropertyType();
            Object v = t == String.class ? p.getName() + "-" + salt + " \u00e9\u20ac" : t == int.class ? (Object) (k * 1000 + salt)
                    : t == double.class ? (Object) (k + salt / 7.0) : t == boolean.class ? (Object) ((k + salt) % 2 == 0) : null;
            if (v == null) throw new AssertionError(type.getSimpleName() + "." + p.getName()
                    + ": RowCodec writes strings, ints, booleans and doubles, not " + t);
            p.getWriteMethod().invoke(bean, v);
        }
        return bean;
    }

    private static <T> void assertSameProperties(Class<T> type, T expected, T actual) throws Exception {
        for (PropertyDescriptor p : Introspector.getBeanInfo(type, Object.class).getPropertyDescriptors()) {
            assertEquals(p.getReadMethod().invoke(expected), p.getReadMethod().invoke(actual), type.getSimpleName() + "." + p.getName());
        }
    }

    @Test
    void everyPropertyOfARowAndOfATrialComesBack() throws Exception {
        List<Evaluation> rows = List.of(filled(Evaluation.class, 1), filled(Evaluation.class, 2));
        List<Evaluation> back = RowCodec.evaluations(RowCodec.evaluations(rows));
        assertEquals(2, back.size());
        for (int k = 0; k < 2; k++) assertSameProperties(Evaluation.class, rows.get(k), back.get(k));
        // A search's trial (a genome) and a given run (params text): records compare by their components.
        List<Trial> trials = List.of(Trial.ofGenome("s \u00e9", 3, "tpe", "a1", new double[]{0.25, Double.MIN_VALUE, 1}),
                Trial.ofParams("validate", 0, "jitter", "v0001", "{\"strategies\":[]} \u20ac"), Trial.ofGenome("s", 4, "ga", "a2",
                        new double[0]));
        List<Trial> tback = RowCodec.trials(RowCodec.trials(trials));
        for (int k = 0; k < 3; k++) {
            Trial a = trials.get(k), b = tback.get(k);
            assertEquals(List.of(a.study(), a.generation(), a.optimizer(), a.id(), String.valueOf(a.params())),
                    List.of(b.study(), b.generation(), b.optimizer(), b.id(), String.valueOf(b.params())));
            assertArrayEquals(a.genome(), b.genome());
        }
    }

    @Test
    void aFailedRowKeepsItsNaNFitnessItsNullsAndALongError() {
        Evaluation e = new Evaluation();
        e.setId("abc");
        e.setFitness(Double.NaN);
        e.setError("x".repeat(100_000));   // beyond writeUTF's 64 KB
        Evaluation back = RowCodec.evaluations(RowCodec.evaluations(List.of(e))).get(0);
        assertEquals("abc", back.getId());
        assertEquals(Double.doubleToRawLongBits(Double.NaN), Double.doubleToRawLongBits(back.getFitness()));
        assertEquals(100_000, back.getError().length());
        assertNull(back.getParams());
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
