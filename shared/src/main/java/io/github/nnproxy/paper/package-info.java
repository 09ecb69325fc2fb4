/**
 * The seed study's recipes that depend on the function studied: its networks and training per
 * function ({@link io.github.nnproxy.paper.SeedRecipes#trainer}) and its sampling schemes'
 * samplers ({@link io.github.nnproxy.paper.SeedRecipes#sampler}). The study uses them; the core
 * packages ({@code proxy}, {@code sampling}) stay free of function-specific choices.
 */
package io.github.nnproxy.paper;
