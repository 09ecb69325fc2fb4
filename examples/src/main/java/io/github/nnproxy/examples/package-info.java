/**
 * Runnable example mains, each referenced from the README: proxy quality, the Jenetics and jMetal
 * quick starts, the seed study through the API ({@link io.github.nnproxy.examples.PaperStudy})
 * and a comparison of the two frameworks at an equal evaluation budget ({@link
 * io.github.nnproxy.examples.CompareFrameworks}). Not API.
 */
package io.github.nnproxy.examples;
