/**
 * The {@code nnproxy} command line of {@code nnproxy.jar} (picocli): {@code study}, {@code train}
 * and {@code optimize}, their presets and catalogues, one-line error reporting and the progress
 * bar. Not API: the command names and options are the contract.
 */
package io.github.nnproxy.cli;
