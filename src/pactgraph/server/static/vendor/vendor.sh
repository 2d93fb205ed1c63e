#!/bin/sh
# Re-vendor Cytoscape.js from the npm registry: sh vendor.sh [VERSION] (default: the version in README.md).
set -eu
version="${1:-3.35.0}"
here="$(cd "$(dirname "$0")" && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cd "$work"
npm pack --silent "cytoscape@$version" >/dev/null
tar xzf "cytoscape-$version.tgz" package/dist/cytoscape.min.js package/LICENSE
mkdir -p "$here/cytoscape"
cp package/dist/cytoscape.min.js package/LICENSE "$here/cytoscape/"
sha256sum "cytoscape-$version.tgz" "$here/cytoscape/cytoscape.min.js"
echo "vendored cytoscape $version into $here/cytoscape; update README.md with the hashes above"
