/**
 * Neural-network proxies of forward models: {@link io.github.nnproxy.proxy.ProxyTrainer} trains a
 * {@link io.github.nnproxy.proxy.Proxy} with Encog and measures its {@link
 * io.github.nnproxy.proxy.ProxyQuality}.
 */
package io.github.nnproxy.proxy;
