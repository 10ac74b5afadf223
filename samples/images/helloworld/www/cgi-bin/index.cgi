#!/bin/sh
printf 'Content-Type: text/plain; charset=utf-8\r\n\r\n'
printf 'Hello %s!\n' "${TARGET:-World}"
