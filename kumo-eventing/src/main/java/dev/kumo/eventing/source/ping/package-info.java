/** PingSource: fires a fixed CloudEvent on a cron schedule, once per tick, across restarts. */
package dev.kumo.eventing.source.ping;
