package dev.reckon.reports.format;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.reckon.reports.format.RunFormat.Table;
import org.junit.jupiter.api.Test;

/**
 * The header lines of a run's tables, spelled out: a run directory is a format other people's tools
 * read, so a column renamed, moved or added here is a change of {@link RunFormat#VERSION}, never an
 * accident.
 */
class RunFormatTest {
  @Test
  void everyTableHasTheHeaderLineOfFormatVersionFour() {
    // Version 2 added cells.csv's seed_group; 3 outcomes.csv and cells.csv's sha256 of the data; 4 wrote
    // cells.csv's settings as JSON (the header did not change).
    assertEquals(4, RunFormat.VERSION);
    assertEquals("model,task,train_level,eval_level,eval_difficulty,iterations,metric,seed,value,n,ci_low,ci_high",
        String.join(",", Table.RESULTS.header()));
    assertEquals("model,task,train_level,seed,status,reason,trained_iterations,parameters,train_seconds,eval_seconds,"
        + "finished_at,train_data_seed,model_seed,config,collapse_update,collapse,task_seed,task_config,"
        + "training_flops,probe_r2,probe_r2_shuffled,seed_group,train_data_sha256,eval_data_sha256",
        String.join(",", Table.CELLS.header()));
    assertEquals("model,task,train_level,seed,update,metric,value,wall_seconds",
        String.join(",", Table.TRAINING.header()));
    assertEquals("model,task,train_level,seed,budget_flops,update,training_flops,eval_level,eval_difficulty,"
        + "iterations,metric,value,n,ci_low,ci_high", String.join(",", Table.BUDGETS.header()));
    assertEquals("model,task,train_level,seed,eval_level,iterations,metric,n,outcomes",
        String.join(",", Table.OUTCOMES.header()));
  }
}
