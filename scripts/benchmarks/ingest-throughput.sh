#!/usr/bin/env bash
# Ingest throughput benchmark (docs/benchmarks.md): ingests FILE... into a fresh database and reports
#   (a) parse + merge into papers (papers/s), (b) end to end until searchable, peak RSS of the ingest process,
#   the second run (must insert and update nothing), and the physical reference: the same rows loaded with
#   psql \copy into a table with the same columns and unique keys, and into one with a stored weighted tsvector
#   and its GIN index (the naive indexed load).
# Usage: scripts/benchmarks/ingest-throughput.sh LABEL FILE...   (e.g. "shared corpus" ../shared/corpus/...)
#        BENCH_REFERENCE=0 skips the \copy reference loads (the indexed one takes minutes at 1M rows).
#        BENCH_EMBEDDINGS=1 adds (c): after the loads, `reembed` fits the default model, embeds every paper and builds
#        its HNSW index, timed with its peak RSS.
# Uses the project-local PostgreSQL (started if needed) and a scratch database paperfeed_bench.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
export PAPERFEED_ROOT="$ROOT"
source "$ROOT/scripts/postgres.sh"

label=$1; shift
[ $# -gt 0 ] || { echo "usage: $0 LABEL FILE..." >&2; exit 2; }
command -v /usr/bin/time >/dev/null || apt-get install -y -q time >/dev/null
command -v bc >/dev/null || apt-get install -y -q bc >/dev/null

pg_ensure_installed
pg_local_is_running || pg_local_start
admin="$(pg_local_connection_string postgres)"
bench="$(pg_local_connection_string paperfeed_bench)"
export PGPASSWORD; PGPASSWORD="$(cat "$ROOT/.data/postgres.password")"
psql_bench() { psql -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "${PAPERFEED_PG_PORT:-55432}" -U paperfeed -d paperfeed_bench "$@"; }
psql -X -q -h 127.0.0.1 -p "${PAPERFEED_PG_PORT:-55432}" -U paperfeed -d postgres \
  -c "DROP DATABASE IF EXISTS paperfeed_bench WITH (FORCE)" -c "CREATE DATABASE paperfeed_bench"

echo "==> Building the worker (Release)" >&2
dotnet build "$ROOT/src/PaperFeed.Worker" -c Release -nologo -v quiet >/dev/null
worker=(dotnet "$ROOT/artifacts/bin/PaperFeed.Worker/release/PaperFeed.Worker.dll")
export ConnectionStrings__PaperFeed="$bench"
"${worker[@]}" migrate >/dev/null

run_ingest() {  # prints the summary's total row and "rss_kb wall_s" of the ingest process
  local out="$1"; shift
  /usr/bin/time -f '%M %e' -o "$out.time" "${worker[@]}" ingest "$@" >"$out" 2>"$out.err" || true
  grep -E '^total ' "$out"
  cat "$out.time"
}

tmp=$(mktemp -d)
echo "==> First ingest of $label" >&2
first=$(run_ingest "$tmp/first" "$@")
echo "==> Second ingest (must change nothing)" >&2
second=$(run_ingest "$tmp/second" "$@")

reembed_line=""; reembed_time=""
if [ "${BENCH_EMBEDDINGS:-0}" != 0 ]; then
  echo "==> (c) reembed: fit the default model, embed every paper, build the HNSW index" >&2
  /usr/bin/time -f '%M %e' -o "$tmp/reembed.time" "${worker[@]}" reembed >"$tmp/reembed" 2>"$tmp/reembed.err" \
    || { cat "$tmp/reembed" "$tmp/reembed.err" >&2; exit 1; }
  reembed_line=$(grep -E '^time ' "$tmp/reembed" | sed -E 's/^time +//')
  reembed_time=$(cat "$tmp/reembed.time")
  hnsw_size=$(psql_bench -tAc "SELECT pg_size_pretty(sum(pg_relation_size(c.oid))) FROM pg_class c WHERE c.relname LIKE 'ix_paper_embeddings_model_%'")
fi

# The reference: export exactly the rows we stored, then load them with plain \copy.
papers=$(psql_bench -tAc "SELECT count(*) FROM papers")
psql_bench -c "\copy (SELECT id, arxiv_id, arxiv_version, title_key, title, title_is_derived, abstract, authors, author_count, published_at, date_precision, categories, upvotes, url, pdf_url, source, content_hash FROM papers) TO '$tmp/papers.copy'"
columns="id varchar(64) PRIMARY KEY, arxiv_id varchar(64) UNIQUE, arxiv_version int, title_key text, title text, title_is_derived bool, abstract text, authors text[], author_count int, published_at timestamptz, date_precision smallint, categories text[], upvotes int, url text, pdf_url text, source text, content_hash bytea"
copy_seconds() {  # TABLE_DDL... : creates ref, \copy's the rows in, prints the seconds
  psql_bench -c "DROP TABLE IF EXISTS ref" "$@" >/dev/null
  local start end; start=$(date +%s.%N)
  psql_bench -c "\copy ref FROM '$tmp/papers.copy'"
  end=$(date +%s.%N)
  echo "$end - $start" | bc
}
plain=nan; indexed=nan
if [ "${BENCH_REFERENCE:-1}" != 0 ]; then
echo "==> Reference: psql \\copy of the same $papers rows" >&2
plain=$(copy_seconds -c "CREATE TABLE ref ($columns)")
indexed=$(copy_seconds -c "CREATE TABLE ref ($columns, search_vector tsvector GENERATED ALWAYS AS (setweight(to_tsvector('english', coalesce(title, '')), 'A') || setweight(to_tsvector('english', coalesce(abstract, '')), 'B')) STORED)" -c "CREATE INDEX ON ref USING gin (search_vector)" -c "CREATE INDEX ON ref (title_key)" -c "CREATE INDEX ON ref (published_at DESC, id DESC)")
psql_bench -c "DROP TABLE ref"
fi

read -r _ ins upd unch rej merge rate index _ <<<"$(echo "$first" | head -1)"
read -r rss wall <<<"$(echo "$first" | tail -1)"
read -r _ ins2 upd2 unch2 rej2 merge2 _ index2 _ <<<"$(echo "$second" | head -1)"
read -r rss2 wall2 <<<"$(echo "$second" | tail -1)"
records=$((ins + upd + unch + rej))
fmt() { LC_ALL=C printf "%'.0f" "$1"; }
cat <<MD

### $label ($(fmt "$records") records, $(fmt "$papers") papers stored)

| measure | result |
|---|---|
| (a) parse + merge into papers | $(fmt "$rate") papers/s ($merge s) |
| (b) end to end until searchable (merge + full-text index) | $(fmt "$(echo "$records / ($merge + $index)" | bc -l)") papers/s ($(echo "$merge + $index" | bc) s; index $index s; process wall time $wall s) |
| peak RSS of the ingest process | $((rss / 1024)) MB |
| second run (same files) | $ins2 inserted, $upd2 updated, $unch2 unchanged, $rej2 rejected in $(echo "$merge2 + $index2" | bc) s (wall $wall2 s, RSS $((rss2 / 1024)) MB) |
MD
if [ -n "$reembed_line" ]; then
  read -r rss3 wall3 <<<"$reembed_time"
  cat <<MD
| (c) with embeddings: \`reembed\` after (b) | $reembed_line; wall $wall3 s, RSS $((rss3 / 1024)) MB, HNSW index $hnsw_size |
| (c) end to end until searchable with embeddings | $(fmt "$(echo "$records / ($merge + $index + $wall3)" | bc -l)") papers/s ($(echo "$merge + $index + $wall3" | bc) s) |
MD
fi
if [ "$plain" != nan ]; then
  cat <<MD
| reference: \\copy into same columns + unique keys | $(fmt "$(echo "$papers / $plain" | bc -l)") rows/s ($(printf '%.1f' "$plain") s) |
| reference: \\copy into a stored weighted tsvector + GIN (naive indexed) | $(fmt "$(echo "$papers / $indexed" | bc -l)") rows/s ($(printf '%.1f' "$indexed") s) |
MD
fi
rm -rf "$tmp"
