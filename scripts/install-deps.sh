#!/usr/bin/env bash
# Installs every Debian 12 package Impostor needs to build, test and run.
# Idempotent: safe to run on a machine that already has them.
set -euo pipefail
export DEBIAN_FRONTEND=noninteractive
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"

# Postfix asks questions at install time; answer them up front.
echo "postfix postfix/main_mailer_type select Local only" | $SUDO debconf-set-selections
echo "postfix postfix/mailname string localhost" | $SUDO debconf-set-selections

$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends \
  build-essential autoconf automake libtool pkg-config autoconf-archive \
  libgmime-3.0-dev libxapian-dev libmilter-dev libboost-test-dev \
  libicu-dev libsqlite3-dev libhyperscan-dev libpcre2-dev libgumbo-dev \
  libmagic-dev libarchive-dev nlohmann-json3-dev libcurl4-openssl-dev libxxhash-dev \
  chromium \
  libcpp-httplib-dev libsodium-dev fonts-ipafont-gothic \
  postfix swaks miltertest sqlite3 ca-certificates curl xz-utils python3 groff-base \
  >/dev/null
