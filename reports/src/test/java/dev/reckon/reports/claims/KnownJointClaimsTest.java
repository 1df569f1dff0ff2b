package dev.reckon.reports.claims;

import static dev.reckon.reports.claims.Verdicts.assertStatus;
import static dev.reckon.reports.claims.Verdicts.judge;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.reckon.reports.format.Fixtures.RunBuilder;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Research note 003's claim on the known joints. */
class KnownJointClaimsTest {
  @TempDir Path work;

/**
 * The three tables on the three joints, each trained and evaluated on its own, and the uniform table
 * beside them (as far from p(y|x) as from the PMI ratio, where the joint is no product): per model
 * and joint, {kl_conditional, kl_pmi}, each +- 3% (as the default run's intervals over 2000
 * queries), and the oracle at 0.
 */
private static final class Joints {
  final Map<String, Map<String, double[]>> values = new LinkedHashMap<>();

  Joints() {
    for (String joint : List.of("product", "dependent", "dice")) {
      Map<String, double[]> models = new LinkedHashMap<>();
      models.put("table-nll", new double[] {7e-5, 0.156});
      models.put("table-pseudo-nll", new double[] {1.2e-4, 0.156});
      models.put("table-infonce", new double[] {0.129, 5e-5});
      models.put("uniform", new double[] {0.7, 0.2});
      values.put(joint, models);
    }
  }

  Joints with(String joint, String model, double klConditional, double klPmi) {
    values.get(joint).put(model, new double[] {klConditional, klPmi});
    return this;
  }

  RunBuilder builder() {
    RunBuilder run = new RunBuilder("joints-claims");
    values.forEach((joint, models) -> {
      models.forEach((model, v) -> run.value(model, RunBuilder.JOINTS, joint, "kl_conditional", v[0], v[0] * 0.03)
          .value(model, RunBuilder.JOINTS, joint, "kl_pmi", v[1], v[1] * 0.03));
      run.value("oracle", RunBuilder.JOINTS, joint, "kl_conditional", 0, 0);
    });
    return run;
  }
}

  @Test
  void tablesThatConvergeAsTheNoteSaysReproduceIt() {
    Map<String, ClaimVerdict> verdicts = judge(new Joints().builder(), work);
    assertStatus(verdicts, ClaimStatus.REPRODUCED, "infonce-converges-to-pmi", "oracle-perfect");
    assertStatus(verdicts, ClaimStatus.NOT_MEASURED, "set-game-easy", "rrn-more-iterations");
  }

  // infonce-converges-to-pmi: ratio, outside the noise

  @Test
  void aLikelihoodTableOnlyFortyTimesBelowInfoNceContradictsIt() {
    // The dice joint at the note's 2000 updates: the likelihood tables' impossible cells leak.
    ClaimVerdict verdict = judge(new Joints().with("dice", "table-nll", 3.9e-4, 0.0139)
        .with("dice", "table-infonce", 0.0143, 0.001).builder(), work).get("infonce-converges-to-pmi");
    assertEquals(ClaimStatus.NOT_REPRODUCED, verdict.status());
    assertEquals("infonce-convergence dice: table-infonce kl_conditional 0.014 [0.014, 0.015] over table-nll "
        + "kl_conditional 3.9e-4 [3.78e-4, 4.02e-4] is 36.667 times, at least 34.531 outside the noise (needs 100)",
        verdict.evidence().get(0));
  }

  @Test
  void aRatioOfAHundredWithinTheNoiseContradictsIt() {
    // 0.01 / 1e-4 is 100, but the intervals leave it at 0.0097 / 1.03e-4, about 94.
    ClaimVerdict verdict = judge(new Joints().with("product", "table-pseudo-nll", 1e-4, 0.156)
        .with("product", "table-infonce", 0.01, 1e-5).builder(), work).get("infonce-converges-to-pmi");
    assertEquals(ClaimStatus.NOT_REPRODUCED, verdict.status());
  }

  @Test
  void anInfoNceTableCloserToTheConditionalThanToThePmiRatioContradictsIt() {
    ClaimVerdict verdict = judge(new Joints().with("dependent", "table-infonce", 0.05, 0.2).builder(), work)
        .get("infonce-converges-to-pmi");
    assertEquals(ClaimStatus.NOT_REPRODUCED, verdict.status());
    assertTrue(verdict.evidence().get(0).startsWith("infonce-convergence dependent: table-infonce kl_conditional "
        + "0.05 [0.048, 0.052] over table-infonce kl_pmi 0.2 [0.194, 0.206] is 0.25 times"), verdict.evidence()::toString);
  }

  @Test
  void anInfoNceTableNoCloserToThePmiRatioThanUniformsContradictsIt() {
    // the uniform table's own numbers: closer to the PMI ratio than to p(y|x), which uniform is too
    ClaimVerdict verdict = judge(new Joints().with("dependent", "table-infonce", 0.7, 0.2).builder(), work)
        .get("infonce-converges-to-pmi");
    assertEquals(ClaimStatus.NOT_REPRODUCED, verdict.status());
    assertEquals("infonce-convergence dependent: uniform kl_pmi 0.2 [0.194, 0.206] over table-infonce kl_pmi 0.2 "
        + "[0.194, 0.206] is 1 times, at least 0.942 outside the noise (needs 1)", verdict.evidence().get(0));
  }

  @Test
  void theProductJointWherePmiIsUniformDoesNotAskInfoNceToBeatUniform() {
    // on the product of the marginals the PMI ratio is uniform: the uniform table is at 0 from it
    ClaimVerdict verdict = judge(new Joints().with("product", "uniform", 0.7, 0).builder(), work)
        .get("infonce-converges-to-pmi");
    assertEquals(ClaimStatus.REPRODUCED, verdict.status(), verdict::toString);
  }

  @Test
  void anOracleAwayFromTheConditionalFailsItsSanityCheck() {
    RunBuilder run = new Joints().builder().value("oracle", RunBuilder.JOINTS, "dice", "kl_conditional", 1e-3, 0);
    assertEquals(ClaimStatus.NOT_REPRODUCED, judge(run, work).get("oracle-perfect").status());
  }

  @Test
  void aRunWithoutTheTablesLeavesTheClaimNotMeasured() {
    assertStatus(judge(new SudokuRun().builder(), work), ClaimStatus.NOT_MEASURED, "infonce-converges-to-pmi");
  }
}
