/**
 * The studies' files: the crash-safe row files ({@code runs.csv}, {@code trust.csv}, {@code
 * budget-runs.csv} and their timings, streamed one atomic row at a time and restored after a
 * crash), the summaries ({@code summary.csv}, {@code budget-summary.csv}), the Markdown reports
 * with their generated commentary, and the seed study's published figures that the reports quote.
 *
 * <p>Not API: the types are public only so that {@link io.github.nnproxy.study}'s engine and
 * protocols can use them, and may change in any release. Users read the files, or the result
 * values of {@link io.github.nnproxy.study}.
 */
package io.github.nnproxy.study.report;
