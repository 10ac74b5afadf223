#!/bin/sh
# busybox httpd in the foreground; each request runs www/cgi-bin/index.cgi, whose stderr is the container's log.
echo "event_display: listening on ${PORT:-8080}" >&2
exec httpd -f -p "${PORT:-8080}" -h /www
