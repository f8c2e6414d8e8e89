package sde.spark;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.Type;
import org.apache.parquet.schema.Types;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import sde.sweep.Evaluation;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * An {@link Evaluation} as a row of the Parquet leaderboard: one column per component, the figures
 * flattened, named and typed as Spark's bean encoder named and typed them when the row was a bean
 * (the same columns in the same alphabetical order, primitives required and strings optional), so
 * every leaderboard written before reads as one written now. A part file holds them less the
 * partition columns (study, generation) and carries Spark's own row-schema footer, so Spark reads a
 * part written here as one it wrote itself (LeaderboardStoreTest).
 */
final class ParquetRows {
    private ParquetRows() {}

    static final List<String> PARTITIONS = List.of("study", "generation");

    /** One column: its name, its Spark type (nullable when a string) and its value in a row. */
    record Column(String name, DataType type, Function<Evaluation, Object> value) {
        StructField field() {
            return DataTypes.createStructField(name, type, type.equals(DataTypes.StringType));
        }
    }

    /** Every column, in the bean encoder's (alphabetical) order. */
    static final List<Column> COLUMNS = List.of(
            new Column("cagrPct", DataTypes.DoubleType, e -> e.figures().cagrPct()),
            new Column("capacityBoundTrades", DataTypes.IntegerType, e -> e.figures().capacityBoundTrades()),
            new Column("codeVersion", DataTypes.StringType, Evaluation::codeVersion),
            new Column("dataFingerprint", DataTypes.StringType, Evaluation::dataFingerprint),
            new Column("error", DataTypes.StringType, Evaluation::error),
            new Column("feasible", DataTypes.BooleanType, Evaluation::feasible),
            new Column("fitness", DataTypes.DoubleType, Evaluation::fitness),
            new Column("generation", DataTypes.IntegerType, Evaluation::generation),
            new Column("genome", DataTypes.StringType, Evaluation::genome),
            new Column("id", DataTypes.StringType, Evaluation::id),
            new Column("maxDdPct", DataTypes.DoubleType, e -> e.figures().maxDdPct()),
            new Column("optimizer", DataTypes.StringType, Evaluation::optimizer),
            new Column("params", DataTypes.StringType, Evaluation::params),
            new Column("score", DataTypes.DoubleType, Evaluation::score),
            new Column("scoreWorst", DataTypes.DoubleType, e -> e.figures().scoreWorst()),
            new Column("sharpe", DataTypes.DoubleType, Evaluation::sharpe),
            new Column("study", DataTypes.StringType, Evaluation::study),
            new Column("testCagrPct", DataTypes.DoubleType, e -> e.figures().testCagrPct()),
            new Column("testMaxDdPct", DataTypes.DoubleType, e -> e.figures().testMaxDdPct()),
            new Column("testScore", DataTypes.DoubleType, e -> e.figures().testScore()),
            new Column("tier", DataTypes.StringType, e -> e.figures().tier()),
            new Column("trades", DataTypes.IntegerType, e -> e.figures().trades()),
            new Column("trainCagrPct", DataTypes.DoubleType, e -> e.figures().trainCagrPct()),
            new Column("trainMaxDdPct", DataTypes.DoubleType, Evaluation::trainMaxDdPct),
            new Column("trainScore", DataTypes.DoubleType, e -> e.figures().trainScore()),
            new Column("violation", DataTypes.DoubleType, Evaluation::violation),
            new Column("wallMs", DataTypes.DoubleType, Evaluation::wallMs),
            new Column("worstSurface", DataTypes.StringType, e -> e.figures().worstSurface()),
            new Column("years", DataTypes.StringType, e -> e.figures().years()));

    /** The schema without the partition columns: what a part file holds. */
    static final StructType FILE_SCHEMA;
    private static final List<Column> FILE_COLUMNS;
    private static final MessageType PARQUET;
    private static final SimpleGroupFactory ROWS;

    static {
        FILE_COLUMNS = COLUMNS.stream().filter(c -> !PARTITIONS.contains(c.name())).toList();
        FILE_SCHEMA = DataTypes.createStructType(FILE_COLUMNS.stream().map(Column::field).toList());
        Types.MessageTypeBuilder b = Types.buildMessage();
        for (StructField f : FILE_SCHEMA.fields()) {
            Type.Repetition rep = f.nullable() ? Type.Repetition.OPTIONAL : Type.Repetition.REQUIRED;
            if (f.dataType().equals(DataTypes.DoubleType)) b.addField(Types.primitive(PrimitiveType.PrimitiveTypeName.DOUBLE,
                    rep).named(f.name()));
            else if (f.dataType().equals(DataTypes.IntegerType)) b.addField(Types.primitive(PrimitiveType.PrimitiveTypeName.INT32,
                    rep).named(f.name()));
            else if (f.dataType().equals(DataTypes.BooleanType)) {
                b.addField(Types.primitive(PrimitiveType.PrimitiveTypeName.BOOLEAN, rep).named(f.name()));
            }
            else if (f.dataType().equals(DataTypes.StringType)) {
                b.addField(Types.primitive(PrimitiveType.PrimitiveTypeName.BINARY,
                        rep).as(LogicalTypeAnnotation.stringType()).named(f.name()));
            } else throw new IllegalStateException("Evaluation." + f.name() + ": no Parquet mapping for " + f.dataType());
        }
        PARQUET = b.named("spark_schema");
        ROWS = new SimpleGroupFactory(PARQUET);
    }

    /**
     * A part file's writer. Zstandard rather than Snappy: a row's text columns (its years, genome and params as JSON) are
     * most of its bytes, and zstd keeps 0.61 of Snappy's on a daemon study's rows (1,017 → 621 bytes a row on
     * one generation of single_long_option, 1,000 rows, as the daemon writes it); every reader decompresses either, so
     * older folders read as before.
     */
    static ParquetWriter<Group> writer(Path file, Configuration conf) throws IOException {
        return ExampleParquetWriter.builder(file).withConf(conf).withType(PARQUET).withCompressionCodec(CompressionCodecName.ZSTD)
                .withWriteMode(ParquetFileWriter.Mode.CREATE)
                .withExtraMetaData(Map.of("org.apache.spark.sql.parquet.row.metadata", FILE_SCHEMA.json(),
                        "org.apache.spark.version", org.apache.spark.package$.MODULE$.SPARK_VERSION()))
                .build();
    }

    static Group group(Evaluation e) {
        Group g = ROWS.newGroup();
        for (int k = 0; k < FILE_COLUMNS.size(); k++) {
            Object v = FILE_COLUMNS.get(k).value().apply(e);
            if (v == null) continue;
            if (v instanceof Double d) g.add(k, d);
            else if (v instanceof Integer i) g.add(k, i);
            else if (v instanceof Boolean z) g.add(k, z);
            else g.add(k, (String) v);
        }
        return g;
    }

    /** A row written before the worst case was kept has neither column (its schema is the older one): NaN and null. */
    private static double worst(Row r) {
        int k = r.schema().getFieldIndex("scoreWorst").getOrElse(() -> -1);
        return k < 0 || r.isNullAt(k) ? Double.NaN : r.getDouble(k);
    }

    private static String surface(Row r) {
        int k = r.schema().getFieldIndex("worstSurface").getOrElse(() -> -1);
        return k < 0 ? null : r.getString(k);
    }

    /** A whole row read by Spark (partition columns included) as the record it was written from. */
    static Evaluation evaluation(Row r) {
        Evaluation.Figures f = new Evaluation.Figures(r.getAs("fitness"), r.getAs("violation"), r.<Boolean>getAs("feasible"),
                r.<Double>getAs("trainScore"), r.<Double>getAs("trainCagrPct"), r.<Double>getAs("trainMaxDdPct"),
                r.<Double>getAs("testScore"), r.<Double>getAs("testCagrPct"), r.<Double>getAs("testMaxDdPct"), r.<Double>getAs("score"),
                r.<Double>getAs("cagrPct"), r.<Double>getAs("maxDdPct"), r.<Double>getAs("sharpe"), r.<Integer>getAs("trades"),
                r.<Integer>getAs("capacityBoundTrades"), r.getAs("tier"), r.getAs("years"), worst(r), surface(r));
        return new Evaluation(r.getAs("study"), r.<Integer>getAs("generation"), r.getAs("optimizer"), r.getAs("id"), r.getAs("params"),
                r.getAs("genome"), r.getAs("dataFingerprint"), r.getAs("codeVersion"), f, r.getAs("error"), r.<Double>getAs("wallMs"));
    }
}
