/** Pure builders of what a Service wants: its Configuration and its Route, both named after it. */
package dev.kumo.controller.service.resources;
