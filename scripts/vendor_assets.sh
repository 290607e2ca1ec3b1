#!/usr/bin/env bash
# Fetches the released browser files of HTMX and ECharts from the npm registry (integrity checked by npm)
# into src/parkgov/web/static/vendor, so the web app serves them itself: intranets have no CDN.
set -euo pipefail
cd "$(dirname "$0")/.."

HTMX_VERSION=2.0.11
ECHARTS_VERSION=6.1.0
dest=src/parkgov/web/static/vendor
stamp="$dest/VERSIONS"
want="htmx.org@$HTMX_VERSION echarts@$ECHARTS_VERSION"
[ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ] && exit 0

if ! command -v npm >/dev/null 2>&1; then
  sudo=""; [ "$(id -u)" -ne 0 ] && sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq npm >/dev/null
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm pack --silent "htmx.org@$HTMX_VERSION" "echarts@$ECHARTS_VERSION" >/dev/null)
mkdir -p "$dest"
tar -xzf "$work/htmx.org-$HTMX_VERSION.tgz" -C "$work" package/dist/htmx.min.js package/LICENSE
cp "$work/package/dist/htmx.min.js" "$dest/htmx.min.js"
cp "$work/package/LICENSE" "$dest/htmx.LICENSE"
rm -rf "$work/package"
tar -xzf "$work/echarts-$ECHARTS_VERSION.tgz" -C "$work" package/dist/echarts.common.min.js package/LICENSE
cp "$work/package/dist/echarts.common.min.js" "$dest/echarts.min.js"
cp "$work/package/LICENSE" "$dest/echarts.LICENSE"
echo "$want" > "$stamp"
