/** The Route reconciler: resolves traffic to ready Revisions, gives it URLs and publishes it to the data plane. */
package dev.kumo.controller.route;
