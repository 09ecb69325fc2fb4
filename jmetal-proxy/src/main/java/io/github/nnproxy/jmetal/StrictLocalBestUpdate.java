package io.github.nnproxy.jmetal;

import java.util.List;
import org.uma.jmetal.component.catalogue.pso.localbestupdate.LocalBestUpdate;
import org.uma.jmetal.solution.doublesolution.DoubleSolution;

/**
 * Replaces a particle's personal best only when its new position is strictly better on the first
 * objective, as pyswarms' {@code compute_pbest} does ({@code current_cost < pbest_cost}). jMetal's
 * {@code DefaultLocalBestUpdate} also replaces it on ties. Stateless.
 */
public final class StrictLocalBestUpdate implements LocalBestUpdate {

  /** Creates the update. */
  public StrictLocalBestUpdate() {}

  /**
   * Updates the personal bests in place.
   *
   * @param swarm the evaluated particles
   * @param localBest the personal bests, one per particle, replaced by a copy where improved
   * @return {@code localBest}
   */
  @Override
  public DoubleSolution[] update(List<DoubleSolution> swarm, DoubleSolution[] localBest) {
    for (int i = 0; i < swarm.size(); i++) {
      if (swarm.get(i).objectives()[0] < localBest[i].objectives()[0]) {
        localBest[i] = (DoubleSolution) swarm.get(i).copy();
      }
    }
    return localBest;
  }
}
