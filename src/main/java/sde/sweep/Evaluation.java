package sde.sweep;

import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.List;
import sde.io.Json;
import sde.results.LeaderboardRow;
import sde.results.YearFigures;

/**
 * One leaderboard row (SPEC §6), a Spark bean written to the Parquet leaderboard. {@code fitness}
 * is the study's objective over the train years and {@code violation} its SPEC §4 constraint
 * violation there: the only numbers selection reads (Deb's order, {@link sde.results.Feasibility});
 * test-year figures are kept beside them. {@code error} is set (and fitness NaN) when an evaluation failed.
 */
public class Evaluation implements Serializable {
    private String study, optimizer, id, params, genome, years, tier, dataFingerprint, codeVersion, error;
    private int generation, trades, capacityBoundTrades;
    private boolean feasible;
    private double violation, fitness, trainScore, trainCagrPct, trainMaxDdPct, testScore, testCagrPct, testMaxDdPct, score,
            cagrPct, maxDdPct, sharpe, wallMs;

    public Evaluation() {}

    public String getStudy() { return study; }
    public void setStudy(String v) { study = v; }
    public String getOptimizer() { return optimizer; }
    public void setOptimizer(String v) { optimizer = v; }
    public String getId() { return id; }
    public void setId(String v) { id = v; }
    public String getParams() { return params; }
    public void setParams(String v) { params = v; }
    public String getGenome() { return genome; }
    public void setGenome(String v) { genome = v; }
    public String getYears() { return years; }
    public void setYears(String v) { years = v; }
    public String getTier() { return tier; }
    public void setTier(String v) { tier = v; }
    public String getDataFingerprint() { return dataFingerprint; }
    public void setDataFingerprint(String v) { dataFingerprint = v; }
    public String getCodeVersion() { return codeVersion; }
    public void setCodeVersion(String v) { codeVersion = v; }
    public String getError() { return error; }
    public void setError(String v) { error = v; }
    public int getGeneration() { return generation; }
    public void setGeneration(int v) { generation = v; }
    public int getTrades() { return trades; }
    public void setTrades(int v) { trades = v; }
    public int getCapacityBoundTrades() { return capacityBoundTrades; }
    public void setCapacityBoundTrades(int v) { capacityBoundTrades = v; }
    /** SPEC §4 over the train years; always equal to {@code violation == 0} (both are recorded, as SPEC §7 asks). */
    public boolean isFeasible() { return feasible; }
    public void setFeasible(boolean v) { feasible = v; }
    public double getViolation() { return violation; }
    public void setViolation(double v) { violation = v; }
    public double getFitness() { return fitness; }
    public void setFitness(double v) { fitness = v; }
    public double getTrainScore() { return trainScore; }
    public void setTrainScore(double v) { trainScore = v; }
    public double getTrainCagrPct() { return trainCagrPct; }
    public void setTrainCagrPct(double v) { trainCagrPct = v; }
    public double getTrainMaxDdPct() { return trainMaxDdPct; }
    public void setTrainMaxDdPct(double v) { trainMaxDdPct = v; }
    public double getTestScore() { return testScore; }
    public void setTestScore(double v) { testScore = v; }
    public double getTestCagrPct() { return testCagrPct; }
    public void setTestCagrPct(double v) { testCagrPct = v; }
    public double getTestMaxDdPct() { return testMaxDdPct; }
    public void setTestMaxDdPct(double v) { testMaxDdPct = v; }
    public double getScore() { return score; }
    public void setScore(double v) { score = v; }
    public double getCagrPct() { return cagrPct; }
    public void setCagrPct(double v) { cagrPct = v; }
    public double getMaxDdPct() { return maxDdPct; }
    public void setMaxDdPct(double v) { maxDdPct = v; }
    public double getSharpe() { return sharpe; }
    public void setSharpe(double v) { sharpe = v; }
    public double getWallMs() { return wallMs; }
    public void setWallMs(double v) { wallMs = v; }

    /** This row as leaderboard.json lists it, at {@code rank} (SPEC §7). */
    public LeaderboardRow toRow(int rank) {
        try {
            List<YearFigures> y = Json.MAPPER.readValue(years,
                    Json.MAPPER.getTypeFactory().constructCollectionType(List.class, YearFigures.class));
            return new LeaderboardRow(rank, id, fitness, feasible, violation, score, trainScore, testScore, trainCagrPct,
                    trainMaxDdPct, testCagrPct, testMaxDdPct, cagrPct, maxDdPct, sharpe, trades, capacityBoundTrades, tier, generation,
                    optimizer, y, Json.MAPPER.readTree(params), dataFingerprint, codeVersion, null);
        } catch (IOException e) {
            throw new UncheckedIOException(id + ": unreadable years or params JSON", e);
        }
    }
}
