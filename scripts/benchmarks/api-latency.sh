#!/usr/bin/env bash
# API latency benchmark (docs/benchmarks.md): p50/p95/p99 of search (each mode), feed, similar, trending and the
# Hugging Face-compatible endpoints, with wrk at concurrency 1 and 8, against a RUNNING instance that holds the
# papers to measure (e.g. `./paperfeed up`, then `./paperfeed ingest ../shared/corpus/...`).
# Usage: scripts/benchmarks/api-latency.sh [URL] [QUERIES.tsv...]
#   URL defaults to $PAPERFEED_URL or http://127.0.0.1:5080; queries default to benchmarks/relevance/*queries.tsv.
#   BENCH_SECONDS (default 20) is the duration of each wrk run; BENCH_ENDPOINTS (e.g. "similar trending") measures
#   only those endpoints.
#   wrk sends far more than the search rate limit allows one client (RateLimiting:Search, 3,000 a minute): start the
#   instance with RateLimiting__Search__PermitLimit=100000000, or the figures count 429s as errors.
# Prints a markdown table; every request path is cycled so that no single cached answer flatters the figures.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
url="${1:-${PAPERFEED_URL:-http://127.0.0.1:5080}}"; shift || true
seconds="${BENCH_SECONDS:-20}"
queries=("$@")
[ ${#queries[@]} -gt 0 ] || queries=("$ROOT"/benchmarks/relevance/*queries.tsv)   # not the similar judgments: their first column names papers

command -v wrk >/dev/null || { echo "==> Installing wrk (apt-get)" >&2; apt-get install -y -q wrk >/dev/null; }
command -v jq >/dev/null || { echo "==> Installing jq (apt-get)" >&2; apt-get install -y -q jq >/dev/null; }
curl -fsS "$url/health/ready" >/dev/null || { echo "error: no PaperFeed instance answers at $url" >&2; exit 1; }

work="$(mktemp -d)"; trap 'rm -rf "$work"' EXIT
urlencode() { jq -rn --arg v "$1" '$v|@uri'; }

# Request paths, one file per endpoint.
cut -f1 "${queries[@]}" | grep -v '^#' | grep -v '^$' > "$work/queries.txt"
for mode in lexical semantic hybrid; do
  while IFS= read -r q; do echo "/api/v1/search?mode=$mode&limit=10&q=$(urlencode "$q")"; done < "$work/queries.txt" > "$work/search-$mode.paths"
done
while IFS= read -r q; do echo "/api/papers/search?q=$(urlencode "$q")"; done < "$work/queries.txt" > "$work/hf-search.paths"

# Paper ids and days that exist: a spread of the newest 500 papers.
curl -fsS "$url/api/v1/papers?limit=100" > "$work/page.json"
cursor=$(jq -r '.nextCursor // empty' "$work/page.json"); cp "$work/page.json" "$work/all.json"
for _ in 1 2 3 4; do
  [ -n "$cursor" ] || break
  curl -fsS "$url/api/v1/papers?limit=100&cursor=$cursor" > "$work/page.json"
  jq -s '{items: (.[0].items + .[1].items)}' "$work/all.json" "$work/page.json" > "$work/merged.json" && mv "$work/merged.json" "$work/all.json"
  cursor=$(jq -r '.nextCursor // empty' "$work/page.json")
done
jq -r '.items[].id' "$work/all.json" | awk '{print "/api/v1/papers/" $1 "/similar?limit=10"}' > "$work/similar.paths"
jq -r '.items[] | select(.arxivId != null) | .arxivId' "$work/all.json" | awk '{print "/api/papers/" $1}' > "$work/hf-paper.paths"
jq -r '.items[].publishedAt // empty' "$work/all.json" | cut -c1-10 | sort -u > "$work/days.txt"
awk '{print "/api/v1/feed?date=" $1}' "$work/days.txt" > "$work/feed-day.paths"
cut -c1-7 "$work/days.txt" | sort -u | awk '{print "/api/v1/feed?month=" $1}' > "$work/feed-month.paths"
awk '{print "/api/daily_papers?date=" $1}' "$work/days.txt" > "$work/hf-daily.paths"
printf '/api/v1/trending?window=%s\n' day week month > "$work/trending.paths"

papers=$(jq -r '.items | length' "$work/all.json")
echo "Measured $(date -u +%Y-%m-%dT%H:%MZ) against $url, ${seconds}s per run, $(nproc) cores; paths per endpoint from ${#queries[@]} query file(s) and $papers papers."
echo
echo "| endpoint | concurrency | p50 ms | p95 ms | p99 ms | requests/s | errors |"
echo "|---|---|---|---|---|---|---|"
for endpoint in ${BENCH_ENDPOINTS:-search-lexical search-semantic search-hybrid feed-day feed-month similar trending hf-daily hf-paper hf-search}; do
  for c in 1 8; do
    threads=$(( c < 2 ? 1 : 2 ))
    line=$(wrk -t"$threads" -c"$c" -d"${seconds}s" -s "$ROOT/scripts/benchmarks/api-latency.lua" "$url" -- "$work/$endpoint.paths" | grep '^RESULT')
    val() { sed -E "s/.*$1=([^ ]+).*/\1/" <<<"$line"; }
    errors=$(( $(val non2xx) + $(val socket_errors) ))
    echo "| $endpoint | $c | $(val p50_ms) | $(val p95_ms) | $(val p99_ms) | $(val rps) | $errors |"
  done
done
