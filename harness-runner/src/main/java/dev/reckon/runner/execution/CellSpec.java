package dev.reckon.runner.execution;

import java.util.List;
import java.util.Map;

/**
 * What a cell group's own process needs to run it ({@link CellGroup}), sent as JSON: its plugins,
 * the model and task with their effective settings, the levels, sizes and seeds, the
 * device, and where checkpoints go.
 *
 * @param plugins the run's copies ({@link PluginSnapshot}) of the model's and the task's plugins, in
 *     discovery order: the only plugins the process loads
 * @param seeds the run seed of each cell of the group
 * @param taskSeeds the task's own seed of each cell, in the same order
 * @param computeBudgets the training FLOPs at which the model is also evaluated, ascending
 * @param checkpointsTo the folder the cells save their trained models in, one {@link
 *     Checkpoints#seedFolder} each (in the work folder: the runner checks them and takes them into
 *     the run after the process ends)
 * @param checkpointsFrom the folder of another run's checkpoint of the cell to load the model from,
 *     or null to train (a cell loaded from a checkpoint runs alone)
 * @param checkpointsFromName that checkpoint's place on the runner's machine, for the cell's reason
 * @param timeLimitSeconds a cell's time limit; the process stops a model at its next report after
 *     it (a group's seeds trained as one network: after the limit times the seeds), and the runner
 *     ends the process a little after the limit times the seeds
 */
record CellSpec(List<String> plugins, String model, String task, Map<String, Object> taskConfig,
    List<Long> taskSeeds, Map<String, Object> modelConfig, String trainLevel, List<String> evalLevels, int trainSize,
    int evalSize, List<Double> computeBudgets, List<Long> seeds, String device, String checkpointsTo, String checkpointsFrom,
    String checkpointsFromName, double timeLimitSeconds) {}
