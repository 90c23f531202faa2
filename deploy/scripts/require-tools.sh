#!/usr/bin/env bash
# Makes sure the machine has what the local network and the tests need besides a JDK:
# socat (pseudo-terminal pairs for the simulated balance). Installs it with apt-get when running as root
# on Debian/Ubuntu; otherwise says exactly what to run.
set -euo pipefail

need_java() {
  if ! command -v java >/dev/null 2>&1; then
    echo "A JDK 17 or newer is needed: install one (e.g. apt-get install -y openjdk-17-jdk-headless) and retry." >&2
    exit 1
  fi
  local version
  version=$(java -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ {print $2}')
  if [ "${version%%.*}" -lt 17 ] 2>/dev/null; then
    echo "Java ${version} found; Java 17 or newer is needed." >&2
    exit 1
  fi
}

need_package() { # command package
  local command="$1" package="$2"
  if command -v "$command" >/dev/null 2>&1; then
    return 0
  fi
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
    echo "Installing ${package} (needed for ${command}) ..."
    apt-get update -qq >/dev/null
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$package" >/dev/null
  else
    echo "'${command}' is missing. Install it first, e.g.: sudo apt-get install -y ${package}" >&2
    exit 1
  fi
}

need_java
need_package socat socat
