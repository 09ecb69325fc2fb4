/**
 * The studies' plots: distance bars beside the seed study's published figures, landscapes of the
 * true function and its proxy with the optimizers' answers, parity plots of proxy against truth,
 * and the budget benchmark's convergence curves, drawn headless with Java2D and XChart.
 *
 * <p>Not API: the types are public only so that {@link io.github.nnproxy.study}'s protocols can
 * draw them, and may change in any release.
 */
package io.github.nnproxy.study.plot;
