/** The composition root of the serving controllers: one engine running the Service, Configuration, Route and Revision reconcilers. */
package dev.kumo.controller.serving;
