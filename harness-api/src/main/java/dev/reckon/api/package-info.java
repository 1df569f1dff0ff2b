/**
 * The Reckon plugin contract, version 2: everything a task or model author compiles against.
 *
 * <p>A plugin is a jar with one {@link dev.reckon.api.ReckonPlugin} service entry
 * ({@code META-INF/services/dev.reckon.api.ReckonPlugin}). It offers {@link
 * dev.reckon.api.TaskFactory}s, {@link dev.reckon.api.ModelFactory}s, or both, each declaring its
 * {@link dev.reckon.api.Setting}s.
 *
 * <p>The flow of one cell (model x task x training level x seed):
 *
 * <ol>
 *   <li>the runner resolves the suite's settings against each plugin's declaration (an unknown
 *       name or a wrong type stops the run before it starts), creates the task with its settings
 *       and its own seed, and asks {@link dev.reckon.api.ModelFactory#supports} whether the model
 *       can do the task's declared {@link dev.reckon.api.Format}; a declined cell is skipped with
 *       the model's reason;
 *   <li>in a process of its own, it generates a training set with {@link
 *       dev.reckon.api.Task#generate} and hands the model a {@linkplain dev.reckon.api.Dataset#copy()
 *       copy} to {@link dev.reckon.api.Model#train} (models that do not learn are not trained);
 *   <li>for the training level and every harder one it generates an evaluation set, hands the
 *       model a copy {@linkplain dev.reckon.api.Dataset#withoutAnswers() without its answers},
 *       {@linkplain dev.reckon.api.Dataset#check checks} the {@link dev.reckon.api.Predictions}
 *       (iteration counts strictly ascending and positive, shapes, ranges, finite measurements
 *       whose names are not the task's metrics) and lets the task {@linkplain
 *       dev.reckon.api.Task#scoreWithOutcomes score} them (and, where the task gives them, records its {@linkplain
 *       dev.reckon.api.Task#outcomes per-example outcomes} and the sha256 of each dataset's {@linkplain
 *       dev.reckon.api.Dataset#writeCanonical canonical form}). A broken rule fails that cell, naming the model
 *       and the rule. Predictions hold every iteration count the model was run at, so one pass
 *       gives a whole test-time-compute curve.
 * </ol>
 *
 * <p>Shapes are open: {@link dev.reckon.api.LabelingFormat} (a shared graph, or a graph per
 * example), {@link dev.reckon.api.GridFormat} (mazes, bit strings), {@link
 * dev.reckon.api.SequenceFormat} and {@link dev.reckon.api.RetrievalFormat} are built in, and a task of a new shape implements {@link dev.reckon.api.Format}, {@link
 * dev.reckon.api.Dataset} and {@link dev.reckon.api.Predictions} in its own jar.
 *
 * <p>Everything here is plain JDK types so that a plugin compiles against this jar alone, but for
 * {@link dev.reckon.api.UpdateMemory}, which a model computing with DJL calls (and only such a
 * model loads). The properties the runner relies on are checked by the conformance kit,
 * {@code dev.reckon:harness-tck}, from a plugin's own tests or with {@code reckon verify-plugin}.
 *
 * <h2>Version policy</h2>
 *
 * {@link dev.reckon.api.ApiVersion#CURRENT} is the major version; the runner loads only plugins
 * built for the version it speaks and refuses others with one sentence naming the jar, both
 * versions and what to rebuild against. Within a major version (a minor release of this jar) the
 * contract only grows in ways that keep compiled plugins working: new types, new interface
 * methods with defaults, new constructors and factory methods, new enum constants in enums a
 * plugin only reads ({@link dev.reckon.api.LabelingFormat.Constraint}), new optional record
 * components behind the old constructor. Removing or renaming anything, changing a signature, or
 * adding an abstract method is a new major version. Version 2 replaced version 1's closed format
 * enum and sealed datasets, gave tasks settings and seeds through {@link
 * dev.reckon.api.TaskFactory}, declared settings, and made {@code supports} give a reason.
 * Since then version 2 has grown {@link dev.reckon.api.Task#outcomes}, {@link
 * dev.reckon.api.ExampleOutcomes}, {@link dev.reckon.api.Dataset#writeCanonical} and {@link
 * dev.reckon.api.Task#scoreWithOutcomes}, all with defaults: a plugin built before them loads and
 * runs, its cells without outcomes or sha256.
 */
package dev.reckon.api;
