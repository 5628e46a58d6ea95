#!/usr/bin/env bash
# test.sh - the one command that tests Postwarden on a fresh Debian 12 machine:
# installs the real peers (scripts/setup-test-env.sh), then builds and runs
# every test, unit and end-to-end (./mvnw -B verify). Extra arguments go to
# Maven, e.g.  scripts/test.sh -pl e2e -am -Dit.test=PrivatePostfixIT
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

scripts/setup-test-env.sh
exec ./mvnw -B verify "$@"
