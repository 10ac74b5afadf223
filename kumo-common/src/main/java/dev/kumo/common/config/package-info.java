/** YAML settings files read into records: the CLI's config file and the server's. */
package dev.kumo.common.config;
