/** Autoscaling wired in: each Revision's settings, the decider ticking every 2 s, the desired counts it yields. */
package dev.kumo.serving.scaling;
