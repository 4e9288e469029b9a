#!/usr/bin/env bash
# Install the system tools MockMind runs (sandbox isolation, toolchains, offline voice, test browsers)
# when they are missing. Debian/Ubuntu with apt; elsewhere, prints what to install.
set -euo pipefail

declare -A PACKAGE_FOR=(
  [bwrap]=bubblewrap [espeak-ng]=espeak-ng [sox]=sox [lame]=lame [go]=golang-go
  [g++]=g++ [javac]=openjdk-17-jdk-headless [node]=nodejs [npm]=npm [chromium]=chromium
  [firefox-esr]=firefox-esr
)
missing=()
for tool in "${!PACKAGE_FOR[@]}"; do
  command -v "$tool" >/dev/null || missing+=("${PACKAGE_FOR[$tool]}")
done
# Screenshots render with the same fonts everywhere.
[ -d /usr/share/fonts/truetype/liberation ] || missing+=(fonts-liberation)
# sox reads mp3 only with this format library (checked also when sox itself is still missing).
if ! command -v sox >/dev/null || ! sox -h 2>/dev/null | grep -q "mp3"; then missing+=(libsox-fmt-mp3); fi
[ ${#missing[@]} -eq 0 ] && exit 0

if ! command -v apt-get >/dev/null; then
  echo "Please install: ${missing[*]}" >&2; exit 1
fi
SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
echo "installing system packages: ${missing[*]}"
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
