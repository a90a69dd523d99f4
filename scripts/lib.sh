# Shared set-up for scripts/run, scripts/test and scripts/bench. Sourced, not run.
# Installs the Debian packages FactDeck needs (only those missing), then configures
# and builds one CMake build tree. Everything here is idempotent.

set -euo pipefail

FACTDECK_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

# Packages to build and run the app.
FACTDECK_BUILD_PACKAGES=(
  cmake ninja-build g++ pkg-config python3
  libimgui-dev libglfw3-dev python3-glad libgl-dev libgl1-mesa-dri
  libsqlite3-dev libtomlplusplus-dev libcli11-dev libutf8proc-dev nlohmann-json3-dev
  libfontconfig-dev libfreetype-dev libstb-dev
  fonts-dejavu-core  # the UI font, DejaVu Sans (app/ui/fonts.h): the same look on every machine
  libmicrohttpd-dev libqrencode-dev libicu-dev
  libportal-dev  # the desktop's file chooser through the XDG desktop portal
  libcpp-httplib-dev  # HTTP clients in the tests and benchmarks
  libzip-dev libpugixml-dev  # spreadsheets (.xlsx, .ods): ZIP archives of XML parts
  libzstd-dev  # Anki packages: the current format compresses the collection and media with zstd
  wordnet-base  # English word classes (app/core/base/lexicon.h): a card's options of its answer's class
)
# Extra packages for the test suite (a virtual display, Catch2) and benchmarks.
# chromium and its WebDriver: the live room's player page is tested in a real browser.
# clang-format (14 on Debian 12): the suite checks that the sources are formatted.
# dbus-daemon: a private session bus for the tests of the desktop file chooser.
# desktop-file-utils, appstream, shared-mime-info: the installed desktop entry, metadata and
# deck type are checked with the validators desktops use; dpkg-dev: the package test packs a
# .deb (dpkg-shlibdeps) and unpacks it into a staging root; libglib2.0-bin: gio opens a deck
# as a file manager does.
FACTDECK_TEST_PACKAGES=(catch2 xvfb xauth dbus-daemon libbenchmark-dev chromium chromium-driver clang-format
  desktop-file-utils appstream shared-mime-info dpkg-dev libglib2.0-bin)
FACTDECK_BENCH_PACKAGES=(time clang)
# scripts/package: dpkg-shlibdeps names the libraries the program links.
FACTDECK_PACKAGE_PACKAGES=(dpkg-dev)
# scripts/fuzz: clang with libFuzzer and the sanitizer runtimes.
FACTDECK_FUZZ_PACKAGES=(clang libclang-rt-dev)

log() { printf '\033[1m[factdeck]\033[0m %s\n' "$*" >&2; }

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"
  elif command -v sudo >/dev/null 2>&1; then sudo "$@"
  else
    log "need root to run: $*  (run as root, or install sudo)"; return 1
  fi
}

# ensure_packages PKG...: installs the packages that are not installed yet.
ensure_packages() {
  local missing=() pkg
  for pkg in "$@"; do
    if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q '^install ok installed$'; then
      missing+=("$pkg")
    fi
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  log "installing: ${missing[*]}"
  # One update, only when something has to be installed.
  as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
}

# configure_and_build BUILD_DIR CMAKE_ARGS...: configures once, then builds incrementally.
configure_and_build() {
  local dir="$1"; shift
  if [ ! -f "$dir/build.ninja" ] || [ "${FACTDECK_RECONFIGURE:-0}" = 1 ]; then
    cmake -S "$FACTDECK_ROOT" -B "$dir" -G Ninja "$@"
  fi
  cmake --build "$dir" --parallel "$(nproc)"
}

# with_display CMD...: runs CMD with an X display, starting a private Xvfb when none is set.
with_display() {
  if [ -n "${DISPLAY:-}" ]; then "$@"; return; fi
  log "no DISPLAY: running under a private Xvfb"
  xvfb-run --auto-servernum --server-args="-screen 0 1920x1080x24 -nolisten tcp" "$@"
}
