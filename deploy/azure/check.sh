#!/usr/bin/env bash
# Builds deploy/azure/main.bicep with the Bicep CLI and fails if main.json (the compiled ARM
# template that is committed next to it) is out of date or the build warns.
# The CLI comes from NuGet (Azure.Bicep.CommandLine.linux-x64, restored by the web tests' project);
# set BICEP to use another binary. --write refreshes main.json instead of checking it.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"

if [ -z "${BICEP:-}" ]; then
  version="$(sed -n 's:.*<BicepCliVersion>\(.*\)</BicepCliVersion>.*:\1:p' "$root/Directory.Packages.props")"
  packages="${NUGET_PACKAGES:-$HOME/.nuget/packages}"
  BICEP="$packages/azure.bicep.commandline.linux-x64/$version/tools/bicep"
  if [ ! -x "$BICEP" ]; then
    dotnet restore "$root/tests/SelfService.Web.Tests" --nologo -v quiet >/dev/null
  fi
fi

built="$(mktemp)"
warnings="$(mktemp)"
trap 'rm -f "$built" "$warnings"' EXIT
"$BICEP" build "$here/main.bicep" --outfile "$built" 2>"$warnings"
if [ -s "$warnings" ]; then
  cat "$warnings" >&2
  echo "main.bicep: the build reported diagnostics" >&2
  exit 1
fi

if [ "${1:-}" = "--write" ]; then
  cp "$built" "$here/main.json"
  echo "main.json rebuilt"
elif ! diff -q "$built" "$here/main.json" >/dev/null 2>&1; then
  diff -u "$here/main.json" "$built" | head -40 >&2 || true
  echo "main.json is out of date: run deploy/azure/check.sh --write and commit it" >&2
  exit 1
else
  echo "main.bicep builds without warnings and main.json is up to date"
fi
