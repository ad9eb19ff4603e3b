#!/usr/bin/env bash
# Install what the tests need on a fresh Debian machine, then run every check and test.
# Used by the README and by CI (.ci/run). Extra arguments go to pytest.
set -euo pipefail
cd "$(dirname "$0")/.."

missing=()
command -v redis-server >/dev/null 2>&1 || missing+=(redis-server)
# redis-cli (Debian package redis-tools, a dependency of redis-server) creates the test cluster.
command -v redis-cli >/dev/null 2>&1 || missing+=(redis-tools)
[ -x /usr/bin/chromium ] || missing+=(chromium)
# nginx in front of three coach processes (tests/system/test_nginx.py).
[ -x /usr/sbin/nginx ] || command -v nginx >/dev/null 2>&1 || missing+=(nginx)
if [ "${#missing[@]}" -gt 0 ]; then
  echo "Installation des paquets Debian manquants : ${missing[*]}"
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}"
fi

python3 -m pip install --quiet --disable-pip-version-check -e ".[test]"
python3 -m ruff check .
python3 -m mypy coach falc
python3 -m pytest "$@"
