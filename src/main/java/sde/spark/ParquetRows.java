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
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import sde.sweep.Evaluation;

import java.beans.IntrospectionException;
import java.beans.Introspector;
import java.beans.PropertyDescriptor;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An {@link Evaluation} as a row of a leaderboard Parquet part, in exactly the schema Spark's bean
 * encoder gives it less the partition columns (study, generation): the same columns in the same
 * (alphabetical) order, primitives required and strings optional, and Spark's own row-schema
 * footer, so Spark reads a part written here as one it wrote itself (LeaderboardStoreTest).
 */
final class ParquetRows {
    private ParquetRows() {}

    static final List<String> PARTITIONS = List.of("study", "generation");

    /** The bean encoder's schema without the partition columns: what a part file holds. */
    static final StructType FILE_SCHEMA;
    private static final MessageType PARQUET;
    private static final Method[] GETTERS;
    private static final SimpleGroupFactory ROWS;

    static {
        List<StructField> kept = new ArrayList<>();
        for (StructField f : Encoders.bean(Evaluation.class).schema().fields()) if (!PARTITIONS.contains(f.name())) kept.add(f);
        FILE_SCHEMA = DataTypes.createStructType(kept);
        Map<String, Method> read = new HashMap<>();
        try {
            for (PropertyDescriptor d : Introspector.getBeanInfo(Evaluation.class).getPropertyDescriptors()) read.put(d.getName(),
                    d.getReadMethod());
        } catch (IntrospectionException e) {
            throw new IllegalStateException(e);
        }
        Types.MessageTypeBuilder b = Types.buildMessage();
        GETTERS = new Method[kept.size()];
        for (int k = 0; k < kept.size(); k++) {
            StructField f = kept.get(k);
            GETTERS[k] = read.get(f.name());
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

    static ParquetWriter<Group> writer(Path file, Configuration conf) throws IOException {
        return ExampleParquetWriter.builder(file).withConf(conf).withType(PARQUET).withCompressionCodec(CompressionCodecName.SNAPPY)
                .withWriteMode(ParquetFileWriter.Mode.CREATE)
                .withExtraMetaData(Map.of("org.apache.spark.sql.parquet.row.metadata", FILE_SCHEMA.json(),
                        "org.apache.spark.version", org.apache.spark.package$.MODULE$.SPARK_VERSION()))
                .build();
    }

    static Group group(Evaluation e) {
        Group g = ROWS.newGroup();
        try {
            for (int k = 0; k < GETTERS.length; k++) {
                Object v = GETTERS[k].invoke(e);
                if (v == null) continue;
                if (v instanceof Double d) g.add(k, d);
                else if (v instanceof Integer i) g.add(k, i);
                else if (v instanceof Boolean z) g.add(k, z);
                else g.add(k, (String) v);
            }
        } catch (IllegalAccessException | InvocationTargetException ex) {
            throw new IllegalStateException(ex);
        }
        return g;
    }
}
