/** What every Kumo HTTP listener (API server, router, brokers' ingress) shares to answer slow and broken clients. */
package dev.kumo.http;
