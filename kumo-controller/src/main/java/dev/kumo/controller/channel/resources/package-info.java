/** Pure builders of a Channel's backing channel. */
package dev.kumo.controller.channel.resources;
