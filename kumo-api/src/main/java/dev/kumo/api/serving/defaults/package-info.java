/** Knative's SetDefaults for the serving kinds, driven by the config-defaults values in {@link dev.kumo.api.serving.defaults.ServingDefaults}. */
package dev.kumo.api.serving.defaults;
