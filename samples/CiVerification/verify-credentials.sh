#!/usr/bin/env bash
# Verify every credential in a folder (JSON files and baked PNG/SVG badges) with the openbadges tool, offline.
# Exit 0 when all are valid; otherwise print which are not and exit 1 (invalid) or 2 (undecided / no credentials /
# tool problem), so a CI job fails on anything that is not valid.
#
# Usage: verify-credentials.sh [FOLDER]        (default: credentials)
#
# Settings (environment):
#   OPENBADGES_TOOL_PATH     where to install the tool (default: $RUNNER_TEMP/openbadges-tool or ./.openbadges-tool)
#   OPENBADGES_TOOL_VERSION  the OpenBadges.Tool version to install (default: the latest)
#   OPENBADGES_TOOL_SOURCE   an extra NuGet source, e.g. a folder of locally packed .nupkg files
#   OPENBADGES_NUGET_CONFIG  a nuget.config to use instead of the machine's (e.g. one listing only a local folder)
#   OPENBADGES_REPORT        where to write the JSON report (default: verification-report.json)
#   OPENBADGES_JUNIT         where to write the JUnit XML report, one test case per credential, for the CI system's
#                            test view (default: verification-report.xml)
#   OPENBADGES_NOW           verify as of this time (ISO 8601 with a zone) instead of the clock
#   OPENBADGES_RESOURCES     a folder with index.json (URL or did:web DID -> file): status lists, DID documents and
#                            contexts answered offline (openbadges verify --resources), so revocation is checked too
#   OPENBADGES_STRICT        set to 1 to fail on warnings too (openbadges verify --strict), for one's own credentials
set -euo pipefail

folder="${1:-credentials}"
tool_path="${OPENBADGES_TOOL_PATH:-${RUNNER_TEMP:-.}/openbadges-tool}"
report="${OPENBADGES_REPORT:-verification-report.json}"
junit="${OPENBADGES_JUNIT:-verification-report.xml}"

if [ ! -d "$folder" ]; then
  echo "error: '$folder' is not a folder" >&2
  exit 2
fi

if [ ! -x "$tool_path/openbadges" ]; then
  install=(tool install OpenBadges.Tool --tool-path "$tool_path")
  if [ -n "${OPENBADGES_TOOL_VERSION:-}" ]; then install+=(--version "$OPENBADGES_TOOL_VERSION"); fi
  if [ -n "${OPENBADGES_TOOL_SOURCE:-}" ]; then install+=(--add-source "$OPENBADGES_TOOL_SOURCE"); fi
  if [ -n "${OPENBADGES_NUGET_CONFIG:-}" ]; then install+=(--configfile "$OPENBADGES_NUGET_CONFIG"); fi
  echo "Installing OpenBadges.Tool into $tool_path"
  dotnet "${install[@]}"
fi

files=()
while IFS= read -r -d '' file; do
  files+=("$file")
done < <(find "$folder" -type f \( -iname '*.json' -o -iname '*.png' -o -iname '*.svg' \) -print0 | sort -z)

if [ "${#files[@]}" -eq 0 ]; then
  echo "error: no credentials (*.json, *.png, *.svg) in '$folder'" >&2
  exit 2
fi

verify=(verify --json --junit "$junit")
if [ -n "${OPENBADGES_NOW:-}" ]; then verify+=(--now "$OPENBADGES_NOW"); fi
if [ -n "${OPENBADGES_RESOURCES:-}" ]; then verify+=(--resources "$OPENBADGES_RESOURCES"); fi
if [ "${OPENBADGES_STRICT:-}" = "1" ]; then verify+=(--strict); fi

set +e
"$tool_path/openbadges" "${verify[@]}" "${files[@]}" > "$report"
code=$?
set -e

# One line per file from the JSON report ("file" comes right before "verdict" in each entry).
grep -E '^\s*"(file|verdict)":' "$report" | paste - - | sed -E 's/^\s*"file": "(.*)",\s*"verdict": "(.*)",?$/\2\t\1/'

case "$code" in
  0) echo "All ${#files[@]} credentials are valid." ;;
  1) echo "::error::Some credentials are INVALID (see $report)." >&2 ;;
  *) echo "::error::Some credentials could not be verified (exit $code; see $report)." >&2 ;;
esac
exit "$code"
