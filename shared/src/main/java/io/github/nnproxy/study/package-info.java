/**
 * The stability study: how far a neural-network proxy misleads optimizers, measured over
 * benchmark functions, dimensions, sampling schemes, optimizers and seeds, with every optimizer
 * also run on the true function to separate optimizer error from proxy error.
 *
 * <p>{@link io.github.nnproxy.study.StabilityStudy} configures and runs a study; it writes
 * {@code runs.csv}, {@code summary.csv}, {@code summary.md}, {@code plots/} and {@code proxies/}
 * into its output folder and returns a {@link io.github.nnproxy.study.StudyResult}. A study is
 * resumable: run again on the same folder, it reuses the finished runs and saved proxies and
 * refuses a changed configuration (see {@code docs/reproducibility.md}). The seed
 * study's published figures (Albreiki, Belayouni and Gupta, arXiv 2301.07102) ship as the
 * resource {@code seed-figures.csv} and are reported beside ours.
 *
 * <p>{@link io.github.nnproxy.study.TrustStudy} measures the remedy of {@link
 * io.github.nnproxy.manage}: per cell and optimizer, (a) the offline proxy, (b) the managed loop,
 * (c) the optimizer on the truth with (b)'s true-evaluation budget and (d) with its full budget,
 * written to {@code trust.csv} and {@code trust.md}; it resumes as the stability study does and
 * trains (or reuses) the same proxies.
 *
 * <p>Both studies run on one internal engine: the engine locks the folder, resumes, schedules the
 * runs on a pool, caches the proxies by cell and streams every row to disk; each study is a
 * protocol that lists a cell's runs, makes one run and turns the rows into its reports. The files
 * they write are made in {@link io.github.nnproxy.study.report}, the plots in {@link
 * io.github.nnproxy.study.plot}.
 */
package io.github.nnproxy.study;
