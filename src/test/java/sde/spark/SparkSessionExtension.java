package sde.spark;

import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * What spark-testing-base would give us (it has no Spark 4.0 build on Maven Central): one local
 * SparkSession shared by every test class of the run, created on first use with quiet logs and a
 * UI-less, 2-thread master, and stopped when the run ends. Use it as
 * {@code @ExtendWith(SparkSessionExtension.class)} and take a {@code SparkSession} parameter.
 *
 * <p>The session lives in the root ExtensionContext store, not in a static field, so JUnit owns
 * its life cycle and closes it after the last test.
 */
public final class SparkSessionExtension implements ParameterResolver {
    private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(SparkSessionExtension.class);

    @Override
    public boolean supportsParameter(ParameterContext p, ExtensionContext c) {
        return p.getParameter().getType() == SparkSession.class;
    }

    @Override
    public Object resolveParameter(ParameterContext p, ExtensionContext c) {
        return c.getRoot().getStore(NS).getOrComputeIfAbsent("session", k -> new Closeable(), Closeable.class).session;
    }

    private static final class Closeable implements ExtensionContext.Store.CloseableResource {
        final SparkSession session = SparkSession.builder()
                .appName("sde-tests")
                .master("local[2]")
                .config("spark.ui.enabled", "false")
                .config("spark.sql.shuffle.partitions", "4")
                .config("spark.driver.host", "127.0.0.1")
                .config("spark.driver.bindAddress", "127.0.0.1")
                .getOrCreate();

        @Override
        public void close() {
            session.stop();
        }
    }
}
