#!/usr/bin/env bash
# Installs the Debian 12 packages skillmatch builds with; does nothing when they are all present.
# php8.2-cli (its php8.2-common ships FFI) and golang-go (Go 1.19) are for the PHP and Go bindings' tests.
# chromium renders the gap report (skillmatch report) headless in a test: the screenshot must show
# the charts (the test skips when it is missing, so building never needs it).
# Boost is 1.81 on purpose: Debian's default 1.74 lacks Boost.JSON and unordered_flat_map and
# conflicts with 1.81, so it must not be installed alongside.
set -euo pipefail

packages=(
  cmake g++ make pkg-config
  libeigen3-dev libboost1.81-dev libboost-json1.81-dev libicu-dev
  libbenchmark-dev doctest-dev libxxhash-dev
  php8.2-cli golang-go
  chromium
)
# Peers for the side-by-side benchmarks only; the library never links them.
optional=(libfaiss-dev libhnswlib-dev)

missing=()
for p in "${packages[@]}" "${optional[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
# The Node binding's tests (bindings/node) need node and npm; a clean Debian 12 has neither. Checked
# by command, not by package: NodeSource's nodejs package bundles npm and conflicts with Debian's.
command -v node >/dev/null || missing+=(nodejs)
command -v npm >/dev/null || missing+=(npm)
if [ ${#missing[@]} -eq 0 ]; then
  echo "install_deps: all packages present"
  exit 0
fi

sudo=""
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null || { echo "install_deps: need root or sudo to install: ${missing[*]}" >&2; exit 1; }
  sudo="sudo"
fi
echo "install_deps: installing ${missing[*]}"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
echo "install_deps: done"
