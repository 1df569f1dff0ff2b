/**
 * The Reckon plugin contract: everything a task or model author compiles against.
 *
 * <p>A plugin is a jar with one {@link dev.reckon.api.ReckonPlugin} service entry
 * ({@code META-INF/services/dev.reckon.api.ReckonPlugin}). It offers {@link dev.reckon.api.Task}s,
 * {@link dev.reckon.api.ModelFactory}s, or both.
 *
 * <p>The flow of one cell (model x task x training level x seed):
 *
 * <ol>
 *   <li>the runner asks {@link dev.reckon.api.ModelFactory#supports} whether the model reads the
 *       task's {@link dev.reckon.api.Format}; if not the cell is listed as skipped;
 *   <li>it generates a training set with {@link dev.reckon.api.Task#generate} and calls {@link
 *       dev.reckon.api.Model#train} (models that do not learn ignore it);
 *   <li>for the training level and every harder one it generates an evaluation set, hands the
 *       model that set {@linkplain dev.reckon.api.Dataset#withoutAnswers() without its answers},
 *       and lets the task {@linkplain dev.reckon.api.Task#score score} the {@link
 *       dev.reckon.api.Predictions}. Predictions hold every iteration count the model was run
 *       at, so one pass gives a whole test-time-compute curve.
 * </ol>
 *
 * <p>Everything here is plain JDK types so that a plugin compiles against this jar alone. Every
 * interface method that could grow has a default, so old plugins keep working as the contract
 * grows; {@link dev.reckon.api.ApiVersion#CURRENT} changes only when it cannot.
 */
package dev.reckon.api;
