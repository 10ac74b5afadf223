/** Knative's cron syntax (robfig/cron) through cron-utils, shared by PingSource admission and the ping runner. */
package dev.kumo.common.cron;
