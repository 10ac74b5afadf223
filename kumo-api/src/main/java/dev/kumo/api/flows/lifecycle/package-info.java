/** The condition sets of Sequence and Parallel, named as in Knative's lifecycle files. */
package dev.kumo.api.flows.lifecycle;
