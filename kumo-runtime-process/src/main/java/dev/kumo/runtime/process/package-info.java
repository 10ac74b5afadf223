/** The process runtime: runs each instance as a supervised host process with probes, restarts and logs. */
package dev.kumo.runtime.process;
