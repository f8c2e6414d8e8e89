package sde.sweep;

import java.io.Serializable;

/** One parameter set of a generation, as a Spark bean: its id, the params JSON and the genome. */
public class Candidate implements Serializable {
    private String study;
    private int generation;
    private String optimizer;
    private String id;
    private String params;
    private String genome;

    public Candidate() {}

    public Candidate(String study, int generation, String optimizer, String id, String params, String genome) {
        this.study = study;
        this.generation = generation;
        this.optimizer = optimizer;
        this.id = id;
        this.params = params;
        this.genome = genome;
    }

    public String getStudy() { return study; }
    public void setStudy(String v) { study = v; }
    public int getGeneration() { return generation; }
    public void setGeneration(int v) { generation = v; }
    public String getOptimizer() { return optimizer; }
    public void setOptimizer(String v) { optimizer = v; }
    public String getId() { return id; }
    public void setId(String v) { id = v; }
    public String getParams() { return params; }
    public void setParams(String v) { params = v; }
    public String getGenome() { return genome; }
    public void setGenome(String v) { genome = v; }
}
