/**
 * A real physics forward model for nnproxy's examples: {@link
 * io.github.nnproxy.examples.physics.HeatPlate}, a heater design on a conducting plate solved by
 * finite differences and conjugate gradients, with its reference optimum ({@link
 * io.github.nnproxy.examples.physics.HeatPlateReference} is the truth run that found it), the same
 * model as an external program ({@link io.github.nnproxy.examples.physics.HeatPlateProgram},
 * wrapped by {@code examples/scripts/heat-plate.sh}) and a timing main ({@link
 * io.github.nnproxy.examples.physics.HeatPlateTiming}). Not API.
 */
package io.github.nnproxy.examples.physics;
