package sde.data;

import java.nio.file.Path;

/**
 * The real data folder for tests, found by the same resolution as the CLI ($SDE_DATA, data/market,
 * ../shared/data). Tests that need it fail loudly when it is missing: CI requires ../shared/data.
 */
public final class RealData {
    private RealData() {}

    public static Path dir() {
        return DataLocator.resolve(null).dir();
    }

    /** Loaded once per test JVM: the holder idiom keeps this free of mutable static state. */
    private static final class Holder {
        static final MarketSources SOURCES = MarketSources.fromFolder(dir());
    }

    public static MarketSources sources() {
        return Holder.SOURCES;
    }
}
