package dev.reckon.plugins.tables;

import dev.reckon.api.Dataset;
import dev.reckon.api.Model;
import dev.reckon.api.SeedGroup;
import dev.reckon.api.TrainingLog;
import java.util.List;

/** K seeds of a table variant trained at once ({@link TableModel#train(List, List, List)}); each seed its own table. */
final class TableGroup implements SeedGroup {
  private final List<TableModel> models;

  TableGroup(List<TableModel> models) {
    this.models = List.copyOf(models);
  }

  @Override
  public void train(List<Dataset> training, List<TrainingLog> logs) {
    TableModel.train(models, training, logs);
  }

  @Override
  public Model member(int i) {
    return models.get(i);
  }

  @Override
  public void close() {
    models.forEach(TableModel::close);
  }
}
