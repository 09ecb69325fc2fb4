/** Helpers that are not API and may change without notice. */
package io.github.nnproxy.internal;
