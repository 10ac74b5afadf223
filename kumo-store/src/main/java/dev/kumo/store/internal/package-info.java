/** The store engine that holds every Kubernetes rule once, its two backends and the watch hub; not for other modules. */
package dev.kumo.store.internal;
