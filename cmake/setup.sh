# Shared by run.sh and test.sh: install what is missing, then configure and build.
# Sourced, not run; it defines tutor_packages, tutor_setup and tutor_build.

TUTOR_PACKAGE_DIR="$(dirname "${BASH_SOURCE[0]}")/packages"

# tutor_packages LIST...: the Debian packages of the named lists (run, test), one a line.
# Each list is a file in cmake/packages/, one package a line, # starting a comment.
tutor_packages() {
  local list
  for list in "$@"; do
    sed -e 's/#.*//' -e 's/[[:space:]]//g' -e '/^$/d' "$TUTOR_PACKAGE_DIR/$list.txt" || exit 1
  done
}

# tutor_setup LIST...: installs the packages of the named lists that are missing.
tutor_setup() {
  local packages missing=() p
  packages=$(tutor_packages "$@") || exit 1
  for p in $packages; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  echo "tutor: installing missing packages: ${missing[*]}" >&2
  local sudo=()
  if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
      sudo=(sudo)
    else
      echo "tutor: these packages are missing; install them with:" >&2
      echo "  sudo apt-get install -y ${missing[*]}" >&2
      exit 1
    fi
  fi
  "${sudo[@]}" apt-get update -qq >&2 &&
    DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq "${missing[@]}" >&2 || {
    echo "tutor: apt-get install failed; try: sudo apt-get install -y ${missing[*]}" >&2
    exit 1
  }
}

# tutor_build DIR TARGET [cmake args...]: configure (a Release build unless the cache
# says otherwise), then build TARGET incrementally on all cores. Build output goes to
# stderr so that the tutor's own stdout stays clean for scripts.
tutor_build() {
  local dir=$1 target=$2
  shift 2
  if [ ! -f "$dir/CMakeCache.txt" ]; then
    cmake -S . -B "$dir" -DCMAKE_BUILD_TYPE=Release "$@" >&2 || exit 1
  elif [ $# -gt 0 ]; then
    cmake -S . -B "$dir" "$@" >/dev/null || exit 1
  fi
  cmake --build "$dir" --target "$target" -j "$(nproc)" >&2 || exit 1
}
