#!/usr/bin/env bash
# Gradescope runs this once, when it builds the autograder's image: a Node the
# kit can run on, then the kit's runtime dependencies from its lockfile.
#
# The image's own Node is used when it is 20.12 or later. Otherwise (Gradescope's
# default Ubuntu 22.04 packages Node 12) the official Node 24 build for Linux x64
# is downloaded, checked against the SHA-256 pinned below, and unpacked into its
# own folder; nothing is installed if the checksum does not match.
#
# Environment (all optional):
#   AUTOGRADER_ROOT       the autograder's folder (default /autograder)
#   BACKPROP_NODE_URL     where to download the tarball from (a mirror)
#   BACKPROP_NODE_SHA256  the tarball's expected SHA-256 (for a mirror's own build)
#   BACKPROP_NODE_PREFIX  where to unpack it (default /usr/local/lib/backprop-kit-node)
set -euo pipefail

ROOT="${AUTOGRADER_ROOT:-/autograder}"
SOURCE="$ROOT/source"

NODE_VERSION="24.11.1"
# From https://nodejs.org/dist/v24.11.1/SHASUMS256.txt, the line for node-v24.11.1-linux-x64.tar.gz.
NODE_SHA256_PINNED="58a5ff5cc8f2200e458bea22e329d5c1994aa1b111d499ca46ec2411d58239ca"
NODE_TARBALL="node-v$NODE_VERSION-linux-x64.tar.gz"
NODE_URL="${BACKPROP_NODE_URL:-https://nodejs.org/dist/v$NODE_VERSION/$NODE_TARBALL}"
NODE_SHA256="${BACKPROP_NODE_SHA256:-$NODE_SHA256_PINNED}"
NODE_PREFIX="${BACKPROP_NODE_PREFIX:-/usr/local/lib/backprop-kit-node}"

say() { echo "setup.sh: $*"; }
fail() {
  echo "setup.sh: $*" >&2
  exit 1
}

# True when `node` on PATH is 20.12 or later (the permission model and util.styleText).
node_is_recent() {
  command -v node >/dev/null 2>&1 && command -v npm >/dev/null 2>&1 &&
    node -e 'var v = process.versions.node.split(".").map(Number); process.exit(v[0] > 20 || (v[0] === 20 && v[1] >= 12) ? 0 : 1)' 2>/dev/null
}

# Installs what the download needs with whichever package manager the image has.
install_tools() {
  local missing=""
  command -v curl >/dev/null 2>&1 || command -v wget >/dev/null 2>&1 || missing="$missing curl"
  for tool in tar gzip sha256sum; do
    command -v "$tool" >/dev/null 2>&1 || missing="$missing $tool"
  done
  [ -z "$missing" ] && return 0
  say "installing$missing"
  # sha256sum is in coreutils everywhere; ca-certificates lets curl reach https.
  local packages
  packages="$(echo "$missing" | sed 's/sha256sum/coreutils/') ca-certificates"
  if command -v apt-get >/dev/null 2>&1; then
    export DEBIAN_FRONTEND=noninteractive
    apt-get update
    # shellcheck disable=SC2086
    apt-get install -y --no-install-recommends $packages
  elif command -v dnf >/dev/null 2>&1; then
    # shellcheck disable=SC2086
    dnf install -y $packages
  elif command -v yum >/dev/null 2>&1; then
    # shellcheck disable=SC2086
    yum install -y $packages
  else
    fail "cannot install$missing: no apt-get, dnf or yum on this image."
  fi
}

# The official builds need an x86-64 CPU and glibc 2.28 or later.
check_platform() {
  [ "$(uname -m)" = "x86_64" ] || fail "this image is $(uname -m); the pinned Node build is for x86_64."
  local glibc
  glibc="$(getconf GNU_LIBC_VERSION 2>/dev/null | awk '{print $2}')" || glibc=""
  [ -n "$glibc" ] || fail "this image has no glibc (musl?); the official Node builds need glibc 2.28 or later."
  local major="${glibc%%.*}" minor="${glibc#*.}"
  minor="${minor%%.*}"
  if [ "$major" -lt 2 ] || { [ "$major" -eq 2 ] && [ "$minor" -lt 28 ]; }; then
    fail "this image has glibc $glibc; Node $NODE_VERSION needs 2.28 or later. Choose Ubuntu 22.04 (Gradescope's default) or 20.04."
  fi
}

download() {
  if command -v curl >/dev/null 2>&1; then
    curl -fsSL --retry 3 --retry-delay 2 -o "$2" "$1"
  else
    wget -q --tries=3 -O "$2" "$1"
  fi
}

install_node() {
  check_platform
  install_tools
  WORK="$(mktemp -d)"
  trap 'rm -rf "$WORK"' EXIT
  local work="$WORK"
  say "downloading Node $NODE_VERSION from $NODE_URL"
  download "$NODE_URL" "$work/$NODE_TARBALL" || fail "could not download $NODE_URL"
  local actual
  actual="$(sha256sum "$work/$NODE_TARBALL" | awk '{print $1}')"
  if [ "$actual" != "$NODE_SHA256" ]; then
    fail "the SHA-256 of $NODE_URL is $actual, not the expected $NODE_SHA256: refusing to install it.
  The download is corrupt or not the official $NODE_TARBALL. Nothing was installed."
  fi
  mkdir -p "$work/node"
  tar -xzf "$work/$NODE_TARBALL" -C "$work/node" --strip-components=1 --no-same-owner
  local got
  got="$("$work/node/bin/node" --version)" || fail "the downloaded Node does not run on this image."
  [ "$got" = "v$NODE_VERSION" ] || fail "the downloaded Node says it is $got, not v$NODE_VERSION."
  mkdir -p "$(dirname "$NODE_PREFIX")"
  rm -rf "$NODE_PREFIX"
  mv "$work/node" "$NODE_PREFIX"
  say "installed Node $NODE_VERSION in $NODE_PREFIX"
}

NODE_BIN=""
if node_is_recent; then
  say "using this image's Node $(node --version)"
  NODE_BIN="$(dirname "$(command -v node)")"
else
  if command -v node >/dev/null 2>&1; then
    say "this image's Node is $(node --version 2>/dev/null || echo unknown); the kit needs 20.12 or later"
  fi
  install_node
  NODE_BIN="$NODE_PREFIX/bin"
fi
export PATH="$NODE_BIN:$PATH"
# run_autograder puts the same Node first on its PATH.
printf '%s\n' "$NODE_BIN" >"$SOURCE/.node-bin"

cd "$SOURCE"
# Grading needs only the runtime dependencies; the test tools stay out of the image.
npm ci --omit=dev --no-audit --no-fund
# Built once into the image, so that no submission's run_autograder spends a second compiling the grader.
node grader/cli/launch.js --prepare
