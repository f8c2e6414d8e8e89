package sde.results;

/** One evaluated trial as the report's study views read it: {@code params} is the params file (SPEC §7) as JSON text. */
public record StudyTrial(String study, int generation, String id, double fitness, String params) {}
