#!/usr/bin/env bash
# The ebs store against restic on the same daily backups of one disk image.
#
#   benchmarks/restic/run.sh [--size MiB] [--days N] [--block-size SIZE] [--work DIR] [--keep]
#
# Makes an image of mixed content (image.py: about 30% zeros, 20% random bytes, the rest text
# and log lines; seeded), changes 1% of it a day in scattered 4-KiB writes, and backs it up
# every day both ways: `ebs volume import IMG --volume VOL` + `ebs snapshot create VOL`, and
# `restic backup IMG`. Then measures the restore of one day to a file, deleting four
# snapshots, importing a fresh image against copying it, and opening the store, and prints
# each ratio (ebs / restic, or copy / import) with its target. The CLI is published NativeAOT
# (clang is installed with apt when missing), else ReadyToRun. Default: 1 GiB, ten days, a
# store of 64-KiB blocks (`ebs store init --block-size`: a scattered 4-KiB write re-stores its
# whole block, so 512-KiB blocks would store about eight times as much per day).
set -euo pipefail

size_mib=1024
days=10
block_size=64K
work=""
keep=0
while [[ $# -gt 0 ]]; do
  case "$1" in
    --size) size_mib="$2"; shift 2 ;;
    --days) days="$2"; shift 2 ;;
    --block-size) block_size="$2"; shift 2 ;;
    --work) work="$2"; shift 2 ;;
    --keep) keep=1; shift ;;
    -h|--help) sed -n '2,14p' "$0"; exit 0 ;;
    *) echo "run.sh: unknown argument '$1' (try --help)" >&2; exit 2 ;;
  esac
done
if ! [[ "$size_mib" =~ ^[0-9]+$ ]] || (( size_mib < 16 )); then
  echo "run.sh: --size must be a whole number of MiB, at least 16" >&2; exit 2
fi
if ! [[ "$days" =~ ^[0-9]+$ ]] || (( days < 6 )); then
  echo "run.sh: --days must be at least 6 (four snapshots are deleted, one restored)" >&2; exit 2
fi

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo_root="$(cd "$here/../.." && pwd)"

# restic from the distribution when it is missing.
if ! command -v restic >/dev/null; then
  echo "== installing restic"
  if [[ "$(id -u)" == 0 ]]; then apt-get install -y restic >/dev/null; else sudo apt-get install -y restic >/dev/null; fi
fi

if [[ -z "$work" ]]; then work="$(mktemp -d "${TMPDIR:-/var/tmp}/ebs-restic.XXXXXX")"; fi
mkdir -p "$work"
if (( ! keep )); then trap 'rm -rf "$work"' EXIT; fi

# Published for this platform as one native executable (NativeAOT, linked with clang: installed
# when missing), as restic is one; without clang, precompiled (ReadyToRun) on the shared runtime.
if ! command -v clang >/dev/null && [[ "$(id -u)" == 0 ]]; then
  echo "== installing clang (NativeAOT links with it)"
  { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq clang; } >/dev/null 2>&1 || true
fi
rid="$(dotnet --info | sed -n 's/^ *RID: *//p' | head -n 1)"
if command -v clang >/dev/null; then
  cli_kind="NativeAOT"; publish_mode=(-p:PublishAot=true)
else
  cli_kind="ReadyToRun"; publish_mode=(--self-contained false)
fi
echo "== publishing the ebs CLI (Release, $cli_kind)"
ebs_bin="$work/cli/ebs"
dotnet publish "$repo_root/src/Ebs.Cli/Ebs.Cli.csproj" -c Release -r "$rid" "${publish_mode[@]}" -o "$work/cli" -v q -nologo >/dev/null
[[ -x "$ebs_bin" ]] || { echo "run.sh: $ebs_bin was not published" >&2; exit 1; }
store="$work/store"
repo="$work/restic"
img="$work/disk.img"
export RESTIC_PASSWORD=benchmark RESTIC_REPOSITORY="$repo" RESTIC_CACHE_DIR="$work/restic-cache"

ebs() { "$ebs_bin" "$@" --store "$store"; }
json() { python3 -c "import json,sys; print(json.load(sys.stdin)$1)"; }
now() { date +%s.%N; }
elapsed() { python3 -c "print(f'{$(now) - $1:.3f}')"; }
ratio() { python3 -c "print(f'{$1 / $2:.2f}')"; }

echo "== work folder $work; image of $size_mib MiB, $days days, $block_size blocks"
python3 "$here/image.py" make $((size_mib << 20)) 1 "$img"
ebs store init --block-size "$block_size" --json >/dev/null
restic init >/dev/null

volume=""
declare -a snaps restic_ids ebs_times restic_times sums
for day in $(seq 1 "$days"); do
  if (( day > 1 )); then python3 "$here/image.py" change "$img" "$day" 1; fi
  sums[$day]="$(sha256sum "$img" | cut -d' ' -f1)"
  sync

  t=$(now)
  if [[ -z "$volume" ]]; then
    volume="$(ebs volume import "$img" --json | json "['VolumeId']")"
  else
    ebs volume import "$img" --volume "$volume" --json >/dev/null
  fi
  snaps[$day]="$(ebs snapshot create "$volume" -d "day $day" --json | json "['SnapshotId']")"
  ebs_times[$day]=$(elapsed "$t")

  t=$(now)
  restic backup --quiet --json "$img" > "$work/restic-backup.json"
  restic_ids[$day]="$(tail -n 1 "$work/restic-backup.json" | json "['snapshot_id']")"
  restic_times[$day]=$(elapsed "$t")
  printf '   day %2d: ebs %7ss  restic %7ss\n' "$day" "${ebs_times[$day]}" "${restic_times[$day]}"
done

sum() { python3 -c "import sys; print(f'{sum(map(float, sys.argv[1:])):.3f}')" "$@"; }
ebs_backup=$(sum "${ebs_times[@]}")
restic_backup=$(sum "${restic_times[@]}")
sync
ebs_bytes=$(du -sb "$store" | cut -f1)
restic_bytes=$(du -sb "$repo" | cut -f1)

# Restore the middle day to a file, and check it.
day=$(( (days + 1) / 2 ))
rm -f "$work/ebs.img"; rm -rf "$work/restic-restore"
t=$(now); ebs snapshot export "${snaps[$day]}" "$work/ebs.img" --wait --json >/dev/null; ebs_restore=$(elapsed "$t")
t=$(now); restic restore --quiet "${restic_ids[$day]}" --target "$work/restic-restore"; restic_restore=$(elapsed "$t")
restored="$(find "$work/restic-restore" -type f -name disk.img)"
[[ "$(sha256sum "$work/ebs.img" | cut -d' ' -f1)" == "${sums[$day]}" ]] || { echo "run.sh: ebs restored day $day wrongly" >&2; exit 1; }
[[ "$(sha256sum "$restored" | cut -d' ' -f1)" == "${sums[$day]}" ]] || { echo "run.sh: restic restored day $day wrongly" >&2; exit 1; }
rm -rf "$work/ebs.img" "$work/restic-restore"

# Delete four snapshots (days 2 to 5): one command for each tool.
t=$(now); ebs snapshot delete "${snaps[2]}" "${snaps[3]}" "${snaps[4]}" "${snaps[5]}" --json >/dev/null; ebs_delete=$(elapsed "$t")
t=$(now); restic forget --quiet --prune "${restic_ids[2]}" "${restic_ids[3]}" "${restic_ids[4]}" "${restic_ids[5]}" >/dev/null; restic_delete=$(elapsed "$t")

# A fresh image imported into a new store, against copying it on the same disk: a `cp` (done
# when the copy is in the page cache) and a `cp` then `sync` of the copy (done when it is on the
# disk, as an import is: it makes its chunks durable before it commits). Best of three each.
python3 "$here/image.py" make $((size_mib << 20)) 2 "$work/fresh.img"
declare -a copies synced imports
for i in 1 2 3; do
  sync
  t=$(now); cp "$work/fresh.img" "$work/copy.img"; copies[$i]=$(elapsed "$t"); sync "$work/copy.img"; synced[$i]=$(elapsed "$t")
  rm -f "$work/copy.img"; sync
  "$ebs_bin" store init --block-size "$block_size" --store "$work/fresh-$i" --json >/dev/null; sync
  t=$(now); "$ebs_bin" volume import "$work/fresh.img" --store "$work/fresh-$i" --json >/dev/null; imports[$i]=$(elapsed "$t")
  rm -rf "$work/fresh-$i"
done

best() { python3 -c "import sys; print(min(map(float, sys.argv[1:])))" "$@"; }
copy_time=$(best "${copies[@]}"); synced_time=$(best "${synced[@]}"); import_time=$(best "${imports[@]}")

# Opening: a read-only command on this store against the same on an empty store (process start-up
# and the command itself cancel out); the best of five each.
ebs_empty() { "$ebs_bin" "$@" --store "$work/empty"; }
ebs_empty store init --block-size "$block_size" --json >/dev/null
declare -a full empty
for i in 1 2 3 4 5; do
  t=$(now); ebs volume list --json >/dev/null; full[$i]=$(elapsed "$t")
  t=$(now); ebs_empty volume list --json >/dev/null; empty[$i]=$(elapsed "$t")
done
open_ms=$(python3 -c "print(f'{max(0.0, ($(best "${full[@]}") - $(best "${empty[@]}")) * 1000):.0f}')")

echo
echo "== results ($size_mib MiB, $days days, $block_size blocks, $cli_kind CLI; $(nproc) cores, load $(cut -d' ' -f1 /proc/loadavg))"
printf '%-34s %12s %12s %8s  %s\n' measure ebs restic ratio target
row() { printf '%-34s %12s %12s %8s  %s\n' "$@"; }
row "backup, all days (s)" "$ebs_backup" "$restic_backup" "$(ratio "$ebs_backup" "$restic_backup")" "<= 0.4"
row "repository bytes after $days days" "$ebs_bytes" "$restic_bytes" "$(ratio "$ebs_bytes" "$restic_bytes")" "<= 0.8"
row "restore day $day to a file (s)" "$ebs_restore" "$restic_restore" "$(ratio "$ebs_restore" "$restic_restore")" "<= 0.5"
row "delete four snapshots (s)" "$ebs_delete" "$restic_delete" "$(ratio "$ebs_delete" "$restic_delete")" "<= 0.5"
row "import vs cp of a fresh image (s)" "$import_time" "$copy_time" "$(ratio "$copy_time" "$import_time")" ">= 0.5 (copy/import)"
row "import vs cp + sync of it (s)" "$import_time" "$synced_time" "$(ratio "$synced_time" "$import_time")" ">= 0.5 (copy/import)"
row "open for a read-only command (ms)" "$open_ms" "-" "-" "<= 100 ms"
