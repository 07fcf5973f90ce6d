#!/usr/bin/env bash
# Runs an ebs executable published with NativeAOT through every command group, on a store in a
# temporary directory: what only a native build can break — Spectre.Console.Cli binding commands
# and settings by reflection, JSON output, SQLite's native library, LZ4-compressed packs.
# Usage: tests/cli-native/smoke.sh PATH/TO/ebs
# Prints "ok NAME" or "FAIL NAME: why" per check, then "native cli: N checks, M failed";
# exits 1 when a check failed.
set -euo pipefail

if [ $# -ne 1 ] || [ ! -x "$1" ]; then
  echo "usage: $0 PATH/TO/ebs (an executable)" >&2
  exit 2
fi
ebs="$(realpath "$1")"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cd "$work"
export EBS_STORE="$work/store"
checks=0 failed=0

# Evaluates a Python expression over the last command's output: j (stdout parsed as JSON, None
# when it is not JSON), o (stdout), e (stderr); prints why when it does not hold.
cat >assert.py <<'EOF'
import json, re, sys
expression, mode = sys.argv[1], sys.argv[2]
o, e = open("out").read(), open("err").read()
try:
    j = json.loads(o)
except ValueError:
    j = None
try:
    value = eval(expression, {"j": j, "o": o, "e": e, "re": re})
except Exception as x:
    print(f"{expression}: {type(x).__name__}: {x}; stdout: {o[:300]!r}")
    sys.exit(1)
if mode == "value":
    print(value)
elif not value:
    print(f"not {expression}; stdout: {o[:300]!r}; stderr: {e[:200]!r}")
    sys.exit(1)
EOF

pass() { checks=$((checks + 1)); echo "ok $1"; }
fail() { checks=$((checks + 1)) failed=$((failed + 1)); echo "FAIL $1: $2"; }

# check NAME EXIT ASSERTION ARG...: runs ebs ARG...; passes when it exits with EXIT and ASSERTION holds.
check() {
  local name=$1 want=$2 assertion=$3 why code=0
  shift 3
  timeout 300 "$ebs" "$@" >out 2>err </dev/null || code=$?
  if [ "$code" -ne "$want" ]; then
    fail "$name" "exit $code, expected $want; stderr: $(head -c 300 err | tr '\n' ' ')"
  elif why="$(python3 assert.py "$assertion" check 2>&1)"; then
    pass "$name"
  else
    fail "$name" "$why"
  fi
}

# value EXPRESSION: the expression over the last command's output, empty when it cannot be read.
value() { python3 assert.py "$1" value 2>/dev/null || true; }

# same NAME FILE FILE: passes when the files hold the same bytes.
same() {
  if cmp -s "$2" "$3"; then pass "$1"; else fail "$1" "$2 and $3 differ: $(cmp "$2" "$3" 2>&1 | head -c 200)"; fi
}

# An 8-MiB image of 64-KiB blocks: 0-31 random, 32-63 zeros, 64-95 random, 96-127 a repeating
# (compressible) pattern; the second image differs from it in block 5 only.
python3 - <<'EOF'
import os
block = 64 << 10
first = os.urandom(32 * block) + bytes(32 * block) + os.urandom(32 * block) + bytes(range(256)) * (32 * block // 256)
second = bytearray(first)
second[5 * block:6 * block] = os.urandom(block)
open("disk.img", "wb").write(first)
open("disk2.img", "wb").write(second)
open("block64.bin", "wb").write(first[64 * block:65 * block])
EOF
image_bytes=$((8 << 20))

# The command line: parsing, help and usage errors.
check version 0 "re.fullmatch(r'\d+\.\d+\.\d+\S*\n', o)" --version
check help 0 "all(g in o for g in ['demo', 'store', 'volume', 'snapshot', 'image', 'instance', 'dlm', 'backup', 'usage', 'fsck'])" --help
check help-command 0 "'--wait' in o and 'Wait until a pending snapshot completes' in o and '<FILE>' in o" snapshot export --help
check help-nested-branch 0 "'create' in o and 'list' in o" backup vault --help
check usage-unknown-option 2 "e.startswith('ebs: ') and 'bogus' in e and 'ebs --help' in e" volume list --bogus
check usage-not-a-number 2 "e.startswith('ebs: ') and 'must be a whole number' in e" volume create --size abc
check usage-missing-argument 2 "e.startswith('ebs: ')" snapshot create
check usage-validate 2 "'--output must be table, text or json' in e" volume list --output yaml
check missing-store 1 "e.startswith('ebs: ')" volume list --store "$work/absent"

# The store, volumes and snapshots.
check store-init 0 "j == {'Store': '$work/store', 'BlockSize': 65536}" store init --block-size 64K --json
check volume-list-empty 0 "j == {'Volumes': []}" volume list --json
check volume-create 0 "j['Size'] == 1 and j['State'] == 'available' and j['AvailabilityZone'] == 'us-east-1a' and j['SnapshotId'] == '' and re.fullmatch('vol-[0-9a-f]{17}', j['VolumeId'])" volume create --size 1 --json
empty_volume="$(value "j['VolumeId']")"
check volume-import 0 "j['Size'] == 1 and j['State'] == 'available' and re.fullmatch('vol-[0-9a-f]{17}', j['VolumeId'])" volume import disk.img --json
volume="$(value "j['VolumeId']")"
check volume-list 0 "sorted(v['VolumeId'] for v in j['Volumes']) == sorted(['$empty_volume', '$volume'])" volume list --json
check volume-list-text 0 "any(line.split('\t')[0] == '$volume' for line in o.splitlines())" volume list --output text
check snapshot-create 0 "j['VolumeId'] == '$volume' and j['VolumeSize'] == 1 and j['State'] == 'pending' and j['OwnerId'] == '111111111111' and re.fullmatch('snap-[0-9a-f]{17}', j['SnapshotId'])" snapshot create "$volume" -d first --json
snapshot="$(value "j['SnapshotId']")"
check snapshot-export 0 "j == {'SnapshotId': '$snapshot', 'File': 'first.img', 'Bytes': $image_bytes}" snapshot export "$snapshot" first.img --wait --json
same snapshot-export-bytes disk.img first.img
check snapshot-blocks 0 "j['BlockSize'] == 65536 and [b['BlockIndex'] for b in j['Blocks']] == list(range(32)) + list(range(64, 128))" snapshot blocks "$snapshot" --json
check snapshot-get-block 0 "j == {'BlockIndex': 64, 'DataLength': 65536, 'Checksum': j['Checksum'], 'Written': True} and j['Checksum']" snapshot get-block "$snapshot" 64 --out block.bin --json
same snapshot-get-block-bytes block64.bin block.bin
check volume-import-into 0 "j['VolumeId'] == '$volume'" volume import disk2.img --volume "$volume" --json
check snapshot-create-second 0 "j['VolumeId'] == '$volume'" snapshot create "$volume" --json
second="$(value "j['SnapshotId']")"
check snapshot-export-second 0 "j['Bytes'] == $image_bytes" snapshot export "$second" second.img --wait --json
same snapshot-export-second-bytes disk2.img second.img
check snapshot-diff-json 0 "j == {'ChangedBlocks': [{'BlockIndex': 5}], 'BlockSize': 65536}" snapshot diff "$snapshot" "$second" --json
check snapshot-diff 0 "'1 changed blocks of 64 KiB' in o and '5' in o" snapshot diff "$snapshot" "$second"
check snapshot-list 0 "sorted((s['SnapshotId'], s['State'], s['Progress']) for s in j['Snapshots']) == sorted([('$snapshot', 'completed', '100%'), ('$second', 'completed', '100%')])" snapshot list --json
check snapshot-put-image 0 "j['ParentSnapshotId'] == '$second' and j['ChangedBlocksCount'] == 1 and j['BlockSize'] == 65536" snapshot put-image disk.img --parent "$second" --json
put="$(value "j['SnapshotId']")"
check snapshot-share 0 "j == {'SnapshotId': '$second', 'CreateVolumePermissions': [{'UserId': '222222222222'}]}" snapshot share "$second" --with 222222222222 --json
check snapshot-unshare 0 "j == {'SnapshotId': '$second', 'CreateVolumePermissions': []}" snapshot unshare "$second" --with 222222222222 --json
check volume-export 0 "j == {'VolumeId': '$volume', 'File': 'volume.img', 'Bytes': $image_bytes}" volume export "$volume" volume.img --json
same volume-export-bytes disk2.img volume.img
check volume-delete 0 "o == ''" volume delete "$empty_volume" --json

# Images and instances.
check image-register 0 "j['Name'] == 'golden' and j['State'] == 'available' and j['BlockDeviceMappings'][0]['Ebs']['SnapshotId'] == '$second' and re.fullmatch('ami-[0-9a-f]{17}', j['ImageId'])" image register golden --snapshot "$second" --json
image="$(value "j['ImageId']")"
check image-list 0 "[i['ImageId'] for i in j['Images']] == ['$image']" image list --json
check instance-run 0 "j['Instances'][0]['ImageId'] == '$image' and j['Instances'][0]['State'] == {'Code': 0, 'Name': 'pending'}" instance run "$image" --json
instance="$(value "j['Instances'][0]['InstanceId']")"
check instance-list 0 "[i['InstanceId'] for r in j['Reservations'] for i in r['Instances']] == ['$instance']" instance list --json
check instance-terminate 0 "j['TerminatingInstances'][0]['InstanceId'] == '$instance' and j['TerminatingInstances'][0]['CurrentState']['Name'] == 'shutting-down'" instance terminate "$instance" --json
check image-deregister 0 "j == {'Return': True, 'DeleteSnapshotResults': []}" image deregister "$image" --json

# Data Lifecycle Manager.
check dlm-create 0 "re.fullmatch('policy-[0-9a-f]{17}', j['PolicyId'])" dlm create --target-tag backup=true --interval 12 --retain 3 --json
policy="$(value "j['PolicyId']")"
check dlm-list 0 "[(p['PolicyId'], p['State'], p['PolicyType']) for p in j['Policies']] == [('$policy', 'ENABLED', 'EBS_SNAPSHOT_MANAGEMENT')]" dlm list --json
check dlm-get 0 "(lambda s: s['CreateRule']['Interval'] == 12 and s['RetainRule'] == {'Count': 3} and j['Policy']['PolicyDetails']['TargetTags'] == [{'Key': 'backup', 'Value': 'true'}])(j['Policy']['PolicyDetails']['Schedules'][0])" dlm get "$policy" --json
check dlm-disable 0 "j == {}" dlm disable "$policy" --json
check dlm-get-disabled 0 "j['Policy']['State'] == 'DISABLED'" dlm get "$policy" --json
check dlm-enable 0 "j == {}" dlm enable "$policy" --json
check dlm-delete 0 "j == {}" dlm delete "$policy" --json
check dlm-list-empty 0 "j == {'Policies': []}" dlm list --json

# AWS Backup: a recovery point is a snapshot, completed on the clock (a few seconds), then restored.
check backup-vault-create 0 "j['BackupVaultName'] == 'prod' and j['BackupVaultArn'] == 'arn:aws:backup:us-east-1:111111111111:backup-vault:prod'" backup vault create prod --json
check backup-start 0 "re.fullmatch('[0-9a-f-]{36}', j['BackupJobId'])" backup start --volume "$volume" --vault prod --json
check backup-vault-list 0 "[(v['BackupVaultName'], v['NumberOfRecoveryPoints']) for v in j['BackupVaultList']] == [('prod', 1)]" backup vault list --json
for _ in $(seq 60); do
  timeout 60 "$ebs" backup points --vault prod --json >out 2>err </dev/null || true
  [ "$(value "j['RecoveryPoints'][0]['Status']")" = COMPLETED ] && break
  sleep 1
done
check backup-points 0 "len(j['RecoveryPoints']) == 1 and j['RecoveryPoints'][0]['Status'] == 'COMPLETED' and j['RecoveryPoints'][0]['ResourceArn'].endswith('/$volume')" backup points --vault prod --json
point="$(value "j['RecoveryPoints'][0]['RecoveryPointArn']")"
check backup-restore 0 "re.fullmatch('[0-9a-f-]{36}', j['RestoreJobId'])" backup restore "$point" --az us-east-1b --json
check backup-restored-volume 0 "[v['SnapshotId'] for v in j['Volumes'] if v['AvailabilityZone'] == 'us-east-1b'] == ['${point##*/}']" volume list --json
restored="$(value "[v['VolumeId'] for v in j['Volumes'] if v['AvailabilityZone'] == 'us-east-1b'][0]")"
check backup-restored-export 0 "j['Bytes'] == $image_bytes" volume export "$restored" restored.img --bytes "$image_bytes" --json
same backup-restored-bytes disk2.img restored.img

# Errors from the engine: one line on standard error, exit code 1.
check error-not-found 1 "o == '' and e.startswith('ebs: InvalidSnapshot.NotFound') and len(e.splitlines()) == 1" snapshot delete snap-0123456789abcdef0
check error-malformed 1 "e.startswith('ebs: InvalidVolumeID.Malformed')" volume delete nope
check error-backup-managed 1 "e.startswith('ebs: InvalidParameterValue')" snapshot delete "${point##*/}"

# Deleting, accounting and checking the store (the repeated pattern's chunk is stored LZ4-compressed).
check snapshot-delete 0 "o.count('Deleted ') == 2" snapshot delete "$snapshot" "$put"
check snapshot-list-after-delete 0 "sorted(s['SnapshotId'] for s in j['Snapshots']) == sorted(['$second', '${point##*/}'])" snapshot list --json
check usage 0 "[(r['Region'], r['SnapshotCount']) for r in j['Regions']] == [('us-east-1', 2)] and j['Regions'][0]['StoredBytes'] > 0" usage --region us-east-1 --json
check usage-all-regions 0 "len(j['Regions']) > 1 and sum(r['SnapshotCount'] for r in j['Regions']) == 2" usage --json
check store-repack 0 "all(isinstance(j[k], int) for k in ['PacksRewritten', 'PacksRemoved', 'ChunksMoved', 'BytesFreed']) and j['Damaged'] == []" store repack --json
check fsck 0 "j['Clean'] is True and j['MissingChunks'] == [] and j['CorruptChunks'] == [] and j['LeakedChunks'] == [] and j['ReachableChunks'] > 0 and j['Packs']['Problems'] == [] and j['Packs']['PhysicalChunkBytes'] < j['Packs']['LogicalChunkBytes']" fsck --json
check fsck-table 0 "'clean' in o" fsck

# The walk-through, in memory and on a store of its own.
check demo 0 "re.search(r'All \d+ checks passed', o) and '✗' not in o" demo
check demo-on-store 0 "re.search(r'All \d+ checks passed', o) and '✗' not in o" demo --store "$work/demo-store"

echo "native cli: $checks checks, $failed failed"
[ "$failed" -eq 0 ]
