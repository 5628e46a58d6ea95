#!/usr/bin/env bash
# Builds Postwarden and runs the gateway in the foreground with the distribution's default
# configuration (SMTP on 127.0.0.1:10025, next hop 127.0.0.1:10026, data under ./var).
# Extra arguments go to `postwarden serve`, e.g. --config my.yaml.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v javac >/dev/null 2>&1 || ! javac -version 2>&1 | grep -Eq 'javac (1[7-9]|[2-9][0-9])'; then
  echo "run.sh: installing a Java 17 JDK" >&2
  sudo_cmd=""
  [ "$(id -u)" -eq 0 ] || sudo_cmd="sudo"
  $sudo_cmd apt-get update -q
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -q openjdk-17-jdk-headless
fi

./mvnw -B -q -DskipTests package
exec server/target/postwarden/bin/postwarden serve "$@"
