/** The {@code apiextensions.k8s.io} kind Kumo serves: the read-only CustomResourceDefinitions of its Knative kinds. */
package dev.kumo.api.apiextensions;
