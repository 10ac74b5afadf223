/** The ApiServerSource controller: a source reconciler whose runner sends the watched kinds' changes. */
package dev.kumo.controller.apiserversource;
