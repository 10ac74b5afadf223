/** How resources are shown to people: ages and other kubectl-compatible renderings. */
package dev.kumo.api.format;
