/** Reading and writing resources: JSON and YAML text, multi-document manifests, strict typed decoding. */
package dev.kumo.api.codec;
