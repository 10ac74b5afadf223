/** Test support shared by the kinds' tests: YAML manifests, merge patches and admission checks. */
package dev.kumo.api.testing;
