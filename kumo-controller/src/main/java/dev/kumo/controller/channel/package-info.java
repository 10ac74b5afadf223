/** Channel and InMemoryChannel: a Channel's backing InMemoryChannel, and each InMemoryChannel served by the mesh. */
package dev.kumo.controller.channel;
