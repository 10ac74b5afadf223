/** Where the CLI finds its server and token: flags, environment, the config file, the local server's data. */
package dev.kumo.cli.config;
