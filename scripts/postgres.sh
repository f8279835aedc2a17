#!/usr/bin/env bash
# scripts/postgres.sh: sourced by ./paperfeed, not run directly.
#
# Installs PostgreSQL 15 + pgvector when missing and runs a project-local cluster for
# development and CI. Data lives in $PAPERFEED_ROOT/.data/postgres (or $PAPERFEED_PGDATA),
# the server listens on 127.0.0.1:${PAPERFEED_PG_PORT:-55432} only, and the superuser is
# "paperfeed" with a generated password kept in .data/postgres.password.
# The functions `return` non-zero with a message instead of exiting. They check every step
# explicitly, so they behave the same with or without the caller's `set -e`.

: "${PAPERFEED_ROOT:=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)}"
PG_BIN=/usr/lib/postgresql/15/bin

_pg_say()    { printf '==> %s\n' "$*" >&2; }
_pg_die()    { printf 'ERROR: %s\n' "$*" >&2; return 1; }
_pg_port()   { printf '%s' "${PAPERFEED_PG_PORT:-55432}"; }
_pg_data()   { printf '%s' "${PAPERFEED_PGDATA:-$PAPERFEED_ROOT/.data/postgres}"; }
_pg_logf()   { printf '%s/postgres.log' "$(dirname "$(_pg_data)")"; }
_pg_pwfile() { printf '%s' "$PAPERFEED_ROOT/.data/postgres.password"; }
_pg_root()   { [[ $EUID -eq 0 ]] || _pg_die "$1 needs root (it runs apt-get and runuser -u postgres)"; }
# initdb and postgres refuse to run as root. Running from / avoids warnings when the
# caller's working directory (e.g. /root) is unreadable for the postgres user.
_pg_as()     { (cd / && runuser -u postgres -- "$@"); }

# Runs "$@" with its output appended to log $1, and prints the log's tail only on failure.
_pg_quiet() {
  local log=$1 from; shift
  from=$(($(stat -c %s "$log" 2>/dev/null || echo 0) + 1))   # show this command's output only
  "$@" >>"$log" 2>&1 && return 0
  tail -c "+$from" "$log" | tail -n 25 >&2
  _pg_die "'$*' failed (full output: $log)"
}

# apt-get install. The package lists are refreshed first only when a package is unknown,
# because fresh machines start with empty lists and an update costs time. The lock timeout
# makes apt wait instead of failing when another install (e.g. a parallel CI step) runs.
_pg_apt_install() {
  local pkg log="$PAPERFEED_ROOT/.data/install.log"
  _pg_root "Installing $*" || return
  mkdir -p "$PAPERFEED_ROOT/.data" || return
  for pkg in "$@"; do
    if ! apt-cache show "$pkg" >/dev/null 2>&1; then
      _pg_say "Refreshing apt package lists"
      _pg_quiet "$log" apt-get -o DPkg::Lock::Timeout=300 update || return
      break
    fi
  done
  _pg_say "Installing $* (apt-get)"
  _pg_quiet "$log" env DEBIAN_FRONTEND=noninteractive apt-get install -y \
    --no-install-recommends -o DPkg::Lock::Timeout=300 "$@"
}

_pg_vector_installed() {
  [[ -f $("$PG_BIN/pg_config" --sharedir)/extension/vector.control &&
     -f $("$PG_BIN/pg_config" --pkglibdir)/vector.so ]]
}

# bookworm has no pgvector package. trixie's source package (pgvector 0.8.0) builds against
# PostgreSQL 15 in seconds. It is fetched through a private sources dir and lists dir
# (apt -o options), so the system's apt configuration never sees trixie.
_pg_install_pgvector() {
  local w uri log tarball ver src
  _pg_say "pgvector is missing: building it from Debian trixie's source package (one time)"
  _pg_apt_install postgresql-server-dev-15 build-essential || return
  w=$(mktemp -d /tmp/paperfeed-pgvector.XXXXXX) || return
  chmod 755 "$w"   # lets apt's unprivileged _apt user write the download here
  log=$w/build.log
  # Reuse the Debian mirror this machine already uses (the first URIs line).
  uri=$(awk '/^URIs:/ {print $2; exit}' /etc/apt/sources.list.d/debian.sources 2>/dev/null)
  mkdir -p "$w/srcparts" "$w/lists/partial" || return
  printf 'Types: deb-src\nURIs: %s\nSuites: trixie\nComponents: main\nSigned-By: %s\n' \
    "${uri:-http://deb.debian.org/debian}" /usr/share/keyrings/debian-archive-keyring.gpg \
    >"$w/srcparts/trixie-src.sources" || return
  local o=(-o Dir::Etc::SourceList=/dev/null -o "Dir::Etc::SourceParts=$w/srcparts"
           -o "Dir::State::Lists=$w/lists")
  _pg_quiet "$log" apt-get "${o[@]}" update || return
  (cd "$w" && _pg_quiet "$log" apt-get "${o[@]}" source --download-only pgvector) || return
  tarball=$(compgen -G "$w/pgvector_*.orig.tar.*" | head -n 1)
  [[ -n $tarball ]] || _pg_die "no pgvector source tarball downloaded (see $log)" || return
  ver=${tarball##*/pgvector_}; ver=${ver%%.orig.tar.*}
  _pg_say "Installing pgvector $ver from Debian's source package (one time)"
  tar xf "$tarball" -C "$w" || _pg_die "could not unpack $tarball" || return
  src=$w/pgvector-$ver
  _pg_quiet "$log" make -C "$src" -j"$(nproc)" PG_CONFIG="$PG_BIN/pg_config" || return
  _pg_quiet "$log" make -C "$src" PG_CONFIG="$PG_BIN/pg_config" install || return
  _pg_vector_installed || _pg_die "pgvector built but vector.control/vector.so not found (see $log)" || return
  rm -rf "$w"
}

pg_ensure_installed() {
  if [[ ! -x $PG_BIN/postgres || ! -x $PG_BIN/psql || ! -x $PG_BIN/pg_config ]]; then
    _pg_say "PostgreSQL 15 is missing: installing it"
    _pg_apt_install postgresql-15 postgresql-client-15 || return
  fi
  _pg_vector_installed || _pg_install_pgvector
}

pg_local_is_running() {
  local pid
  pid=$(head -n 1 "$(_pg_data)/postmaster.pid" 2>/dev/null) || return 1
  # pg_ctl status trusts any live process the postgres user may signal, but after a reboot the
  # PID can belong to another process. Our postmaster's working directory is its data dir.
  [[ $pid =~ ^[0-9]+$ && /proc/$pid/cwd -ef $(_pg_data) ]] || return 1
  _pg_as "$PG_BIN/pg_ctl" -D "$(_pg_data)" status >/dev/null 2>&1
}

# Fails, naming the first directory that blocks the postgres user, when it cannot reach $1.
_pg_check_reachable() {
  local dir=$1 p='' part
  _pg_as test -w "$dir" && return 0
  local -a parts; IFS=/ read -ra parts <<<"${dir#/}"
  for part in "${parts[@]}"; do
    p=$p/$part
    _pg_as test -x "$p" || break
  done
  _pg_die "the 'postgres' user cannot reach the data dir $dir ($p is not searchable for it," \
    "e.g. a repo under /root with mode 700). Clone the repo under a world-traversable path" \
    "(e.g. /work or /srv), or set PAPERFEED_PGDATA=/var/lib/paperfeed/postgres"
}

# Creates the data dir owned by postgres and, on first use, the password and the cluster.
_pg_init() {
  local data=$1 pwfile tmp
  pwfile=$(_pg_pwfile)
  id postgres >/dev/null 2>&1 || _pg_die "no 'postgres' system user; run pg_ensure_installed" || return
  (umask 022 && mkdir -p "$PAPERFEED_ROOT/.data" "$data") || _pg_die "could not create $data" || return
  if [[ $(stat -c %U "$data") != postgres ]]; then chown -R postgres:postgres "$data" || return; fi
  chmod 700 "$data" || return
  _pg_check_reachable "$data" || return
  if [[ -f $data/PG_VERSION ]]; then   # already initialised
    [[ -s $pwfile ]] && return 0
    _pg_die "$data holds a cluster but $pwfile is missing; delete $data to start over" || return
  fi
  if [[ ! -s $pwfile ]]; then
    (umask 077 && od -An -N24 -tx1 /dev/urandom | tr -d ' \n' >"$pwfile") || return
  fi
  chmod 600 "$pwfile" || return
  _pg_say "Creating PostgreSQL cluster in $data (superuser paperfeed)"
  tmp=$(mktemp) && cp "$pwfile" "$tmp" && chown postgres "$tmp" || return
  # Explicit UTF8/C.UTF-8: the machine's locale is often POSIX, which would give SQL_ASCII.
  local rc=0
  _pg_quiet "$(_pg_logf)" _pg_as "$PG_BIN/initdb" -D "$data" -U paperfeed --pwfile="$tmp" \
    --encoding=UTF8 --locale=C.UTF-8 --auth=scram-sha-256 || rc=$?
  rm -f "$tmp"; [[ $rc -eq 0 ]] || return "$rc"
  # TCP on loopback only; no Unix socket, so long repo paths cannot hit the 107-byte socket limit.
  printf "\nlisten_addresses = '127.0.0.1'\nunix_socket_directories = ''\n" >>"$data/postgresql.conf" &&
  printf 'host all all 127.0.0.1/32 scram-sha-256\nhost all all ::1/128 scram-sha-256\n' \
    >"$data/pg_hba.conf" || return
}

_pg_psql() {
  PGPASSWORD=$(<"$(_pg_pwfile)") PGCONNECT_TIMEOUT=5 "$PG_BIN/psql" -X -q -v ON_ERROR_STOP=1 \
    -h 127.0.0.1 -p "$(_pg_port)" -U paperfeed "$@"
}

_pg_wait_ready() {
  local i
  for ((i = 0; i < ${PAPERFEED_PG_TIMEOUT:-30}; i++)); do
    "$PG_BIN/pg_isready" -q -h 127.0.0.1 -p "$(_pg_port)" -t 1 && return 0
    sleep 1
  done
  _pg_die "PostgreSQL on 127.0.0.1:$(_pg_port) not ready after ${PAPERFEED_PG_TIMEOUT:-30}s (log: $(_pg_logf))"
}

_pg_ensure_db() {
  local found
  found=$(_pg_psql -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname = 'paperfeed'") ||
    _pg_die "could not connect to PostgreSQL on 127.0.0.1:$(_pg_port) as paperfeed" || return
  [[ $found == 1 ]] && return 0
  _pg_say "Creating database paperfeed"
  _pg_psql -d postgres -c 'CREATE DATABASE paperfeed'
}

pg_local_start() {
  local data port log running_port who
  data=$(_pg_data); port=$(_pg_port); log=$(_pg_logf)
  _pg_root pg_local_start || return
  [[ -x $PG_BIN/pg_ctl ]] || _pg_die "PostgreSQL 15 not installed; run pg_ensure_installed" || return
  [[ $port =~ ^[0-9]+$ ]] || _pg_die "PAPERFEED_PG_PORT='$port' is not a port number" || return
  if pg_local_is_running; then
    running_port=$(sed -n 4p "$data/postmaster.pid")
    [[ $running_port == "$port" ]] || _pg_die "the cluster in $data is running on port" \
      "$running_port, not $port (PAPERFEED_PG_PORT); stop it first" || return
    _pg_say "PostgreSQL already running on 127.0.0.1:$port (reusing it)"
  else
    # Anything accepting connections here is not our cluster: postgres would fail to bind.
    if (: </dev/tcp/127.0.0.1/"$port") 2>/dev/null; then
      who=$(ss -Hltnp "sport = :$port" 2>/dev/null | grep -o 'users:(([^)]*))' | head -n 1)
      _pg_die "port $port on 127.0.0.1 is already in use by another process${who:+ ($who)}." \
        "Stop it, or pick another port: PAPERFEED_PG_PORT=55433 ./paperfeed ..." || return
    fi
    _pg_init "$data" || return
    touch "$log" && chown postgres "$log" || return
    # Not running, so any postmaster.pid is stale (crash, kill -9, reboot). postgres ignores one
    # whose PID is gone, but refuses one whose PID was reused by another postgres-user process.
    if [[ -f $data/postmaster.pid ]]; then
      _pg_say "Removing stale $data/postmaster.pid (left by a server that did not shut down)"
      rm -f "$data/postmaster.pid" || return
    fi
    _pg_say "Starting PostgreSQL 15 on 127.0.0.1:$port (data: $data, log: $log)"
    # Settings for bulk ingests, passed at every start so that existing clusters get them too: a larger WAL
    # budget avoids checkpoints (and their full-page writes) every few seconds during a large load.
    local settings="-p $port -c shared_buffers=256MB -c max_wal_size=4GB -c checkpoint_timeout=15min -c maintenance_work_mem=256MB"
    if ! _pg_as "$PG_BIN/pg_ctl" -D "$data" -l "$log" -o "$settings" -w -t 60 start >/dev/null; then
      tail -n 15 "$log" >&2
      _pg_die "PostgreSQL failed to start (log: $log)" || return
    fi
  fi
  _pg_wait_ready && _pg_ensure_db
}

pg_local_stop() {
  pg_local_is_running || return 0
  _pg_say "Stopping PostgreSQL ($(_pg_data))"
  _pg_as "$PG_BIN/pg_ctl" -D "$(_pg_data)" -m fast -w -t 60 stop >/dev/null ||
    _pg_die "pg_ctl stop failed for $(_pg_data) (log: $(_pg_logf))"
}

pg_local_connection_string() {
  local pw
  pw=$(cat "$(_pg_pwfile)" 2>/dev/null) && [[ -n $pw ]] ||
    _pg_die "no password in $(_pg_pwfile); run pg_local_start first" || return
  printf 'Host=127.0.0.1;Port=%s;Username=paperfeed;Password=%s;Database=%s\n' \
    "$(_pg_port)" "$pw" "${1:-paperfeed}"
}
