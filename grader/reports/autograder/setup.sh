#!/usr/bin/env bash
# Gradescope runs this once, when it builds the autograder's image: Node from
# the distribution's packages, then the kit's dependencies from its lockfile.
set -euo pipefail
ROOT="${AUTOGRADER_ROOT:-/autograder}"

export DEBIAN_FRONTEND=noninteractive
apt-get update
apt-get install -y nodejs npm

# The sandbox needs Node 20.11 or later (its permission model). Debian 13
# (trixie) packages Node 20; older releases package older versions: pick a base
# image whose nodejs is recent enough rather than grade without the sandbox.
if ! node -e 'const [a, b] = process.versions.node.split(".").map(Number); process.exit(a > 20 || (a === 20 && b >= 11) ? 0 : 1)'; then
  echo "setup.sh: this image's nodejs is $(node --version); the kit needs Node 20.11 or later." >&2
  exit 1
fi

cd "$ROOT/source"
# Grading needs only the runtime dependencies; the test tools stay out of the image.
npm ci --omit=dev --no-audit --no-fund
