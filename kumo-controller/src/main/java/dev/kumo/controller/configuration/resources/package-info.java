/** Pure builders of what a Configuration wants: its Revisions and their names. */
package dev.kumo.controller.configuration.resources;
