/**
 * The statistics Reckon's verdicts rest on, each tested against textbook values
 * ({@code StatisticsTest}):
 *
 * <ul>
 *   <li>{@link dev.reckon.reports.stats.SeedInterval}: the 95% interval of a mean over training
 *       seeds, Student's t on the seeds' own means ({@link dev.reckon.reports.stats.StudentT});
 *       one seed has none.
 *   <li>{@link dev.reckon.reports.stats.McNemar}: the exact test of two models on the same
 *       examples, from the discordant examples only; seeds combine by adding their counts.
 *   <li>{@link dev.reckon.reports.stats.PairedDifference}: the difference of two accuracies on the
 *       same examples with the paired interval and McNemar's p-value.
 * </ul>
 *
 * <p>Why paired: two models scored on the same examples share the examples' difficulty, so the
 * noise of their difference is only in the examples they disagree on; two separate intervals that
 * must not overlap ask for far more than that. {@link dev.reckon.reports.check.PairedComparison}
 * (behind {@code reckon compare} and {@code reckon check}) pairs two runs this way on the
 * per-example outcomes of outcomes.csv.
 */
package dev.reckon.reports.stats;
