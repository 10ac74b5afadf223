/** The Revision reconciler: keeps a Revision's instances running through a runtime and reports their health. */
package dev.kumo.controller.revision;
