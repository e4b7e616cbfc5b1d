#!/bin/sh
# The fleet tests run a real redis-server; install Debian's when it is missing (root with apt-get).
set -e
[ -x /usr/bin/redis-server ] && exit 0
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing Debian's redis-server for the fleet tests …"
  apt-get update -qq
  # Only the binary is wanted: the tests start their own server, so the package's service is not.
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq redis-server >/dev/null
  exit 0
fi
echo "The fleet tests need Debian's redis-server at /usr/bin/redis-server: run 'sudo apt-get install redis-server'." >&2
exit 1
