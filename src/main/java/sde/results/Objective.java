package sde.results;

import java.util.Locale;

/**
 * What the search maximizes over the train years (SPEC §4, a study's {@code objective}): the seed's
 * composite {@code score}, or {@code worst_year}, the smallest yearly score_y (the victory is per
 * year, so the worst year is what stands between a row and it).
 */
public enum Objective {
    SCORE, WORST_YEAR;

    /** The study-file spelling: {@code score}, {@code worst_year}. */
    public String key() { return name().toLowerCase(Locale.ROOT); }

    /** {@code key} as a study spells it; the message lists the choices. */
    public static Objective parse(String key) {
        for (Objective o : values()) if (o.key().equals(key)) return o;
        throw new IllegalArgumentException("unknown objective '" + key + "' (score, worst_year)");
    }

    /** The objective's value from a window's composite score and its yearly scores (worst_year of no year: the score). */
    public double of(double score, double[] yearScores) {
        if (this == SCORE || yearScores.length == 0) return score;
        double min = Double.POSITIVE_INFINITY;
        for (double y : yearScores) min = Math.min(min, y);
        return min;
    }
}
