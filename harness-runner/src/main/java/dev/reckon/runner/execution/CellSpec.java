package dev.reckon.runner.execution;

import java.util.List;
import java.util.Map;

/**
 * What a cell's own process needs to run it, sent as JSON: where the plugins are, the model and
 * task with their effective settings, the levels, sizes and seeds, the device, and where
 * checkpoints go.
 *
 * @param computeBudgets the training FLOPs at which the model is also evaluated, ascending
 * @param checkpointsTo the folder the cell saves its trained model in (in its work folder: the
 *     runner checks it and takes it into the run after the process ends)
 * @param checkpointsFrom the folder of another run's checkpoint of this cell to load the model from,
 *     or null to train
 * @param checkpointsFromName that checkpoint's place on the runner's machine, for the cell's reason
 * @param timeLimitSeconds the cell's time limit; the process stops the model at its next report
 *     after it, and the runner ends the process a little later
 */
record CellSpec(List<String> pluginDirectories, String model, String task, Map<String, Object> taskConfig,
    long taskSeed, Map<String, Object> modelConfig, String trainLevel, List<String> evalLevels, int trainSize,
    int evalSize, List<Double> computeBudgets, long seed, String device, String checkpointsTo, String checkpointsFrom,
    String checkpointsFromName, double timeLimitSeconds) {}
