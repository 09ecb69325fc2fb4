/**
 * Durable records of true evaluations: {@link io.github.nnproxy.store.EvaluationStore} keeps every
 * simulation on disk as it finishes, answers repeated points from it, and lets a killed run resume.
 */
package io.github.nnproxy.store;
