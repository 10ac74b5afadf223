#!/bin/sh
# busybox httpd in the foreground, logging each request to stderr; / runs www/cgi-bin/index.cgi.
echo "helloworld: listening on ${PORT:-8080}" >&2
exec httpd -f -v -p "${PORT:-8080}" -h /www
