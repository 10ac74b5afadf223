/** Start and stop of a process's components in one ordered list, with rollback (controller-runtime's Manager). */
package dev.kumo.controller.manager;
