/** The {@code func} strategy: a Python or Node program onto a base assembled from the host's own interpreter. */
package dev.kumo.build.func;
