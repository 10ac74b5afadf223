/** Core v1 kinds Kumo serves so that revisions can reference them: Namespace, ConfigMap, Secret. */
package dev.kumo.api.core;
