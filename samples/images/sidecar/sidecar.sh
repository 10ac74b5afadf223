#!/bin/sh
echo "sidecar: listening on ${SIDECAR_PORT:-8882}" >&2
exec httpd -f -v -p "${SIDECAR_PORT:-8882}" -h /sidecar-www
