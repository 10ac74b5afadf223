/** The Service reconciler: keeps a Service's Configuration and Route as it says and mirrors their status. */
package dev.kumo.controller.service;
