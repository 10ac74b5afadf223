/** The Configuration reconciler: stamps one Revision per template generation and tracks the latest ready one. */
package dev.kumo.controller.configuration;
