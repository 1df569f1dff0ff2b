/**
 * The statistics Reckon's verdicts rest on, each tested against textbook values
 * ({@code StatisticsTest}):
 *
 * <ul>
 *   <li>{@link dev.reckon.reports.stats.SeedInterval}: the 95% interval of a mean over training
 *       seeds, Student's t on the seeds' own means ({@link dev.reckon.reports.stats.StudentT});
 *       one seed has none.
 *   <li>{@link dev.reckon.reports.stats.McNemar}: the exact test of two models on the same
 *       examples, from the discordant examples only ({@link
 *       dev.reckon.reports.stats.DiscordantExamples}, which also combines seeds by adding their
 *       counts: the stratified test).
 *   <li>{@link dev.reckon.reports.stats.PairedDifference}: the difference of two accuracies on the
 *       same examples with the paired interval and McNemar's p-value.
 *   <li>{@link dev.reckon.reports.stats.UnpairedDifference}: Newcombe's interval of a difference
 *       from the two numbers' own intervals, where nothing pairs them.
 * </ul>
 *
 * <p>Why paired: two models scored on the same examples share the examples' difficulty, so the
 * noise of their difference is only in the examples they disagree on; two separate intervals that
 * must not overlap ask for far more than that. Both users pair on the per-example outcomes of
 * outcomes.csv:
 *
 * <ul>
 *   <li>{@link dev.reckon.reports.check.PairedComparison} (behind {@code reckon compare} and
 *       {@code reckon check}) pairs two runs, seed with seed; its verdict reads the paired
 *       interval.
 *   <li>The claims ({@code dev.reckon.reports.claims.Comparison}) pair two numbers of one run, two
 *       models or one cell at two iteration counts, where both have outcomes on an evaluation set
 *       shown the same (the same cell, or equal sha256): within the seed for a seed's verdict,
 *       combined over the seeds for the pooled one. "Better outside the noise" is McNemar's exact
 *       two-sided p below 0.05, in the difference's direction; the evidence names the test, e.g.
 *       {@code paired McNemar over 3 seeds: +0.31 [0.27, 0.35], p = 1.2e-5}. Elsewhere (no outcomes,
 *       or evaluation sets not shown the same) a claim keeps the interval rule, and says so ({@code
 *       by the intervals, unpaired: neither has outcomes}): two numbers differ when their 95%
 *       intervals do not overlap, the intervals of results.csv with one seed and {@link
 *       dev.reckon.reports.stats.SeedInterval} (never narrower than the seeds' own) with several.
 * </ul>
 */
package dev.reckon.reports.stats;
