# Sourced by build.sh and check.sh: unless CONTAINERS_CONF names one, points podman at a containers.conf with the
# settings it needs on this machine kind (README, Containers); podman then reads only that file, nothing in /etc.
mkdir -p "$here/.build"
if [ -z "${CONTAINERS_CONF:-}" ]; then
  printf '[containers]\ndefault_ulimits = []\n[engine]\nruntime = "runc"\n' > "$here/.build/containers.conf"
  export CONTAINERS_CONF=$here/.build/containers.conf
fi
