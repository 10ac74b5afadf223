/** What the source reconcilers share: their status mutators and the resolution of their sink. */
package dev.kumo.controller.source;
