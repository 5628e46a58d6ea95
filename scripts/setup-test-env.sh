#!/usr/bin/env bash
# setup-test-env.sh - install the real peers the test suite runs against.
#
# Idempotent and non-interactive; meant for a fresh Debian 12 machine or CI
# container, run as root (falls back to sudo when available). When every
# package below is already installed it does not touch apt at all.
#
# Postfix is installed for its binaries only: the tests start private
# instances from their own config directories (see e2e/). The system instance
# is preseeded as "No configuration" and is never configured, started or
# enabled by this script.
#
# To add a peer, add one line to PACKAGES (and, if it ships a system daemon
# that must not run, one "package:service" line to SERVICES_KEPT_DOWN).
set -euo pipefail

PACKAGES=(
  postfix          # private MTA instances in e2e tests; smtp-source/smtp-sink for load
  swaks            # scripted SMTP client for injecting test mail
  iproute2         # ss: listener checks in scripts and bench/
  procps           # ps/pgrep: inspect daemons started by tests
  openssl          # test certificates
  netcat-openbsd   # raw socket probes
  clamav           # clamscan: the reference the scan engine is compared with
  clamav-testfiles # ClamAV's test files: the parity oracle of the scan engine
  zip              # archive samples built by the scan-engine tests
  unzip
  p7zip-full
  arj
  cpio
  xz-utils
  bzip2
  sharutils        # uuencode
  mscompress       # SZDD samples (Microsoft compress.exe format)
  gcab             # cabinet samples (stored, MSZIP)
  fp-utils         # chmcmd/chmls: CHM samples with LZX
  nsis             # makensis: NSIS installers; nsis-common's Windows binaries as clean samples
  qpdf             # PDF samples (attachments, object streams, encryption)
  clamav-daemon    # clamd: the external engine tests' real peer (private instances only)
  c-icap           # ICAP server for the ICAP client tests (private instances only)
  libc-icap-mod-virus-scan # c-icap's virus_scan service, backed by the private clamd
  genisoimage      # ISO 9660 images: disk-image attachments for the heuristics
  wixl             # MSI installers for the heuristics
  llvm             # llvm-mc: a Mach-O object for the heuristics
  qemu-utils       # qemu-img: a VHD disk image for the heuristics
  nsd              # authoritative DNS on loopback: SPF, DKIM, DMARC and DNS-list records for the tests
  spamassassin     # its rule files: loaded unchanged by the spam rules engine's tests
)

# The build needs a JDK 17+ with javac (mvnw fetches Maven itself). Installed
# only when none is found, so machines with their own JDK keep it.
JDK_PACKAGE=openjdk-17-jdk-headless

# System services that come with the packages above and must not run: the
# tests start their own private instances. A service is disabled and stopped
# when this script installed its package, never on a machine where the admin
# had the package already (that instance is theirs; only a warning then).
SERVICES_KEPT_DOWN=(
  postfix:postfix
  clamav:clamav-freshclam
  clamav-daemon:clamav-daemon
  c-icap:c-icap
  nsd:nsd
)

log() { printf 'setup-test-env: %s\n' "$*"; }
die() { printf 'setup-test-env: error: %s\n' "$*" >&2; exit 1; }

as_root() {
  if [[ $(id -u) -eq 0 ]]; then
    "$@"
  elif command -v sudo >/dev/null 2>&1; then
    sudo -- "$@"
  else
    die "must run as root (or with sudo available) to install: ${missing[*]}"
  fi
}

is_installed() {
  [[ $(dpkg-query -W -f='${db:Status-Status}' "$1" 2>/dev/null || true) == installed ]]
}

have_jdk17() {
  local javac=javac version
  [[ -n ${JAVA_HOME:-} ]] && javac=$JAVA_HOME/bin/javac
  version=$("$javac" -version 2>&1) || return 1       # "javac 17.0.15"
  version=${version#javac }
  [[ ${version%%.*} =~ ^[0-9]+$ ]] && (( ${version%%.*} >= 17 ))
}

missing_packages() {
  local p
  for p in "${PACKAGES[@]}"; do
    is_installed "$p" || printf '%s\n' "$p"
  done
  have_jdk17 || is_installed "$JDK_PACKAGE" || printf '%s\n' "$JDK_PACKAGE"
}

preseed_debconf() {
  # "No configuration": postinst leaves /etc/postfix/main.cf alone and the
  # system instance is not set up to run.
  local mailname
  mailname=$(hostname --fqdn 2>/dev/null || hostname)
  as_root debconf-set-selections <<SEL
postfix postfix/main_mailer_type select No configuration
postfix postfix/mailname string ${mailname}
SEL
}

# Services must not start while packages are installed. Debian's
# invoke-rc.d honours /usr/sbin/policy-rc.d (exit 101 = "action forbidden").
# Install a temporary one unless the machine already has its own.
POLICY_RC=/usr/sbin/policy-rc.d
policy_rc_added=0
forbid_service_starts() {
  if [[ ! -e $POLICY_RC ]]; then
    as_root sh -c "printf '#!/bin/sh\nexit 101\n' > $POLICY_RC && chmod 755 $POLICY_RC"
    policy_rc_added=1
  fi
}
restore_service_starts() {
  if [[ $policy_rc_added -eq 1 ]]; then
    as_root rm -f "$POLICY_RC"
    policy_rc_added=0
  fi
}

# The install itself must leave no system service enabled or running.
# policy-rc.d stops the start, but deb-systemd-helper still enables units, so
# disable them explicitly. Works with and without systemd as init (CI
# containers usually have none: then only the unit/rc links are changed).
disable_service() {
  local s=$1
  if [[ -d /run/systemd/system ]] && command -v systemctl >/dev/null 2>&1; then
    as_root systemctl disable --now "$s.service" >/dev/null 2>&1 || log "warning: could not disable $s"
    return 0
  fi
  if command -v systemctl >/dev/null 2>&1 && [[ -e /lib/systemd/system/$s.service ]]; then
    as_root systemctl disable "$s.service" >/dev/null 2>&1 || log "warning: could not disable unit $s"
  fi
  if [[ -x /etc/init.d/$s ]]; then
    as_root update-rc.d "$s" disable >/dev/null 2>&1 || true
    if as_root /etc/init.d/"$s" status >/dev/null 2>&1; then
      as_root /etc/init.d/"$s" stop >/dev/null 2>&1 || log "warning: could not stop $s"
    fi
  fi
}

keep_services_down() {
  local entry pkg s
  for entry in "${SERVICES_KEPT_DOWN[@]}"; do
    pkg=${entry%%:*} s=${entry#*:}
    if [[ " ${installed_now[*]} " == *" $pkg "* ]]; then
      log "keeping system service $s disabled and stopped"
      disable_service "$s"
    elif [[ -d /run/systemd/system ]] && systemctl is-active --quiet "$s" 2>/dev/null; then
      log "note: system service $s is running (installed before; left as is)"
    fi
  done
}

install_packages() {
  local -a apt_opts=(-y -q -o DPkg::Lock::Timeout=600 -o Dpkg::Options::=--force-confdef -o Dpkg::Options::=--force-confold)
  preseed_debconf
  forbid_service_starts
  trap restore_service_starts EXIT
  log "apt-get update"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get -q -o DPkg::Lock::Timeout=600 update
  log "installing: ${missing[*]}"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get "${apt_opts[@]}" install --no-install-recommends "${missing[@]}"
  restore_service_starts
  trap - EXIT
}

main() {
  installed_now=()
  mapfile -t missing < <(missing_packages)
  if [[ ${#missing[@]} -eq 0 ]]; then
    log "all packages present (${PACKAGES[*]})"
  else
    install_packages
    installed_now=("${missing[@]}")
    mapfile -t missing < <(missing_packages)
    [[ ${#missing[@]} -eq 0 ]] || die "still missing after install: ${missing[*]}"
  fi
  keep_services_down
  [[ -x /usr/sbin/postfix ]] || die "/usr/sbin/postfix not found although postfix is installed"
  log "ready"
}

main "$@"
