#!/bin/sh
# One CloudEvent (binary mode: ce-* headers; structured mode: the JSON body) written to stderr in one piece, as
# cloudevents/sdk-go's Event.String() prints it in event_display.
body=$(head -c "${CONTENT_LENGTH:-0}")
attribute() { [ -n "$2" ] && printf '  %s: %s\n' "$1" "$2"; }
case ${CONTENT_TYPE:-} in
  application/cloudevents+json*) context="  (structured mode)\n" ;;
  *)
    context=$(
      attribute specversion "${HTTP_CE_SPECVERSION:-}"
      attribute type "${HTTP_CE_TYPE:-}"
      attribute source "${HTTP_CE_SOURCE:-}"
      attribute subject "${HTTP_CE_SUBJECT:-}"
      attribute id "${HTTP_CE_ID:-}"
      attribute time "${HTTP_CE_TIME:-}"
      attribute dataschema "${HTTP_CE_DATASCHEMA:-}"
      attribute datacontenttype "${CONTENT_TYPE:-}"
    )
    extensions=$(env | sed -n 's/^HTTP_CE_\([A-Z0-9_]*\)=\(.*\)$/\1 \2/p' | sort \
      | grep -v -E '^(SPECVERSION|TYPE|SOURCE|SUBJECT|ID|TIME|DATASCHEMA) ' \
      | while read -r name value; do printf '  %s: %s\n' "$(echo "$name" | tr 'A-Z' 'a-z')" "$value"; done) ;;
esac
{
  printf '☁️  cloudevents.Event\nContext Attributes,\n%b\n' "$context"
  [ -n "${extensions:-}" ] && printf 'Extensions,\n%s\n' "$extensions"
  printf 'Data,\n%s\n' "$(printf '%s\n' "$body" | sed 's/^/  /')"
} >&2
printf 'Status: 202 Accepted\r\nContent-Length: 0\r\n\r\n'
