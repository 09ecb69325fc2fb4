/**
 * Service-provider interfaces: seams that optional modules fill at run time through {@link
 * java.util.ServiceLoader}, so that the modules which use them do not depend on the modules that
 * provide them. {@link io.github.nnproxy.spi.EvaluationBackend} runs true evaluations on an engine
 * such as Apache Spark ({@code nnproxy-spark}).
 */
package io.github.nnproxy.spi;
