#!/usr/bin/env bash
# The package as a person installs it (`npm run bench:package`): its tarball's size, the size of
# a global install, and the start-up of the installed command beside the checkout's. The project
# is copied as a clean clone has it, packed (`prepack` makes the bundle), installed with
# `npm install --global` into a prefix of its own, and made read-only; the installed command runs
# as another user (nobody, when this runs as root) from another folder, with a cache folder of
# its own (warmed by one run first) or with none. Each command runs ROUNDS times in turns; the
# median wall time and peak RSS (GNU time) are printed.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
rounds=${ROUNDS:-7}
top=$(mktemp -d /tmp/annex-bench-package-XXXXXX)
chmod 755 "$top"
cleanup() { chmod -R u+w "$top"; rm -rf "$top"; }
trap cleanup EXIT

mkdir "$top/clone"
cp -r bin scripts pipeline templates package.json package-lock.json tsconfig.json README.md LICENSE CHANGELOG.md publiccode.yml "$top/clone/"
ln -s "$root/node_modules" "$top/clone/node_modules"
(cd "$top/clone" && npm pack --json --offline --pack-destination "$top" 2>/dev/null) | sed -n '/^\[/,$p' > "$top/pack.json"
tarball=$(node -e 'const [r]=JSON.parse(require("fs").readFileSync(process.argv[1],"utf8"));console.log(r.filename)' "$top/pack.json")
node -e 'const [r]=JSON.parse(require("fs").readFileSync(process.argv[1],"utf8"));console.log(`tarball: ${r.filename}, ${(r.size/1048576).toFixed(2)} MiB packed, ${(r.unpackedSize/1048576).toFixed(2)} MiB unpacked, ${r.entryCount} files`)' "$top/pack.json"
npm install --global --prefix "$top/prefix" --prefer-offline --no-audit --no-fund "$top/$tarball" >/dev/null 2>&1
pkg="$top/prefix/lib/node_modules/ptpct-annex"
echo "installed: $(du -sm "$top/prefix" | cut -f1) MiB in all; the package's own files $(du -sm --exclude=node_modules "$pkg" | cut -f1) MiB (dist/ $(du -sm "$pkg/dist" | cut -f1) MiB), its dependencies $(du -sm "$pkg/node_modules" | cut -f1) MiB ($(ls "$pkg/node_modules" | wc -l) folders)"
echo "checkout's node_modules for comparison: $(du -sm node_modules | cut -f1) MiB"
chmod -R a-w "$top/prefix"

mkdir -p "$top/work/home" "$top/work/sources"
cp -r sources/2020-2022 "$top/work/sources/"
as=()
if [ "$(id -u)" -eq 0 ]; then
  chown -R nobody:nogroup "$top/work"
  as=(setpriv --reuid=nobody --regid=nogroup --clear-groups --)
fi
env_cache=(env -i "PATH=$PATH" "HOME=$top/work/home" NO_COLOR=1)
env_none=(env -i "PATH=$PATH" HOME=/nonexistent NO_COLOR=1)
installed=("$top/prefix/bin/annex")
pdf=sources/2020-2022/allegato-1.pdf

declare -A commands=(
  ["1 checkout: annex --version"]="cd $root && node bin/annex.js --version"
  ["2 installed, other user: annex --version"]="cd $top/work && ${as[*]} ${env_cache[*]} ${installed[*]} --version"
  ["3 checkout: annex export (20-page PDF)"]="cd $root && node bin/annex.js export $pdf --format json"
  ["4 installed, other user, own cache: annex export"]="cd $top/work && ${as[*]} ${env_cache[*]} ${installed[*]} export $pdf --format json"
  ["5 installed, other user, no cache folder: annex export"]="cd $top/work && ${as[*]} ${env_none[*]} ${installed[*]} export $pdf --format json"
)
# the user's cache is warmed once, as by a first run
bash -c "${commands["4 installed, other user, own cache: annex export"]}" >/dev/null 2>&1
mapfile -t names < <(printf '%s\n' "${!commands[@]}" | sort)
declare -A walls rss
for ((round = 0; round < rounds; round++)); do
  for ((i = 0; i < ${#names[@]}; i++)); do
    name=${names[$(((i + round) % ${#names[@]}))]}
    out=$( { /usr/bin/time -f "%e %M" bash -c "${commands[$name]} >/dev/null 2>/dev/null"; } 2>&1 | tail -1)
    walls[$name]+="${out% *} "
    rss[$name]+="${out#* } "
  done
done
median() { tr ' ' '\n' | grep -v '^$' | sort -g | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }
echo "median of $rounds rounds, load average $(cut -d' ' -f1-3 /proc/loadavg):"
for name in "${names[@]}"; do
  printf '  %-58s %6.2f s %6d MiB\n' "${name#* }" "$(echo "${walls[$name]}" | median)" "$(( $(echo "${rss[$name]}" | median) / 1024 ))"
done
