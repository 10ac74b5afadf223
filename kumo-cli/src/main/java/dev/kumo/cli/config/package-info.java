/**
 * Where the CLI finds its server, token and certificate authority: flags, environment, the config file, the local
 * server's data.
 */
package dev.kumo.cli.config;
