/** The Kubernetes-compatible API server: discovery, CRUD, patch, status and watch over the resource store. */
package dev.kumo.apiserver;
