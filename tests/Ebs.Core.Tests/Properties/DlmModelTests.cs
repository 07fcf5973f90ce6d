using System.Globalization;
using Ebs.Core.Domain;
using Ebs.Core.Services;
using FsCheck;
using FsCheck.Fluent;
using Ebs.Core.Tests.Dlm;

namespace Ebs.Core.Tests.Properties;

/// <summary>
/// Random sequences of writes, manual snapshots, lifecycle policies (created, disabled, enabled,
/// deleted) and clock jumps of random size, checked after every step against a model of each
/// volume's bytes over time and of each policy's enabled periods: no policy deletes a snapshot it
/// did not create; a policy snapshot is only ever gone once its policy holds as many newer ones of
/// its volume as it retains (nothing is lost that retention should keep); none outlives the
/// retention of an enabled policy once complete; each was taken on its schedule's grid while its
/// policy was enabled, only of the tagged volume, and reads back exactly the volume's bytes at its instant.
/// </summary>
public sealed class DlmModelTests
{
    private const int Blocks = 4;
    private static readonly int[] Intervals = [1, 2, 4, 12, 24];

    /// <summary>Gets the number of sequences: a tenth of <see cref="ModelBasedTests.Runs"/>, at least 10.</summary>
    public static int Runs => Math.Max(10, ModelBasedTests.Runs / 10);

    [Fact]
    public void RandomPolicySequences_RetentionKeepsWhatItShouldAndTouchesNothingElse()
        => Prop.ForAll(Generators.DlmSequences(), ops => RunAsync(ops).GetAwaiter().GetResult())
            .Check(Config.QuickThrowOnFailure.WithMaxTest(Runs));

    [Fact]
    public Task ClockStoppingSecondsAfterAnHourlyRun_PendingSnapshotCheckedOnceComplete()
        => RunAsync([
            new(DlmOpKind.CreatePolicy, 0, 10), new(DlmOpKind.AdvanceTime, 0, 6860), new(DlmOpKind.AdvanceTime, 0, 16623), new(DlmOpKind.AdvanceTime, 0, 100177),
            new(DlmOpKind.AdvanceTime, 0, 19574), new(DlmOpKind.AdvanceTime, 0, 163476), new(DlmOpKind.AdvanceTime, 0, 11217), new(DlmOpKind.AdvanceTime, 0, 16875),
            new(DlmOpKind.AdvanceTime, 0, 3600),
        ]);

    private sealed record PolicyModel(string Id, int Count, int IntervalHours, List<(DateTimeOffset From, DateTimeOffset? To)> Enabled)
    {
        public bool Deleted { get; set; }
    }

    private static async Task RunAsync(DlmOp[] ops)
    {
        await using var t = new TestCloud();
        t.Time.Advance(TimeSpan.FromMilliseconds(500));
        var dlm = t.Cloud.Account(TestCloud.Account).Dlm(TestCloud.Region);
        VolumeId[] volumes = [(await Policies.TaggedVolumeAsync(t)).VolumeId, (await t.CreateVolumeAsync()).VolumeId];

        // Each volume's contents after each write, in order; its contents at an instant are the last before it.
        var history = volumes.ToDictionary(v => v, _ => new List<(DateTimeOffset At, byte[] Bytes)> { (DateTimeOffset.MinValue, new byte[Blocks * TestCloud.BlockSize]) });
        var manual = new Dictionary<SnapshotId, byte[]>();
        var policies = new List<PolicyModel>();
        var seen = new Dictionary<SnapshotId, Snapshot>();
        var verified = new HashSet<SnapshotId>();
        foreach (var op in ops)
        {
            var volume = volumes[op.Target % 2];
            var now = t.Time.GetUtcNow();
            switch (op.Kind)
            {
                case DlmOpKind.Write:
                    var block = TestCloud.Block(op.Value);
                    await t.Ec2.WriteAtAsync(volume, (long)(op.Value % Blocks) * TestCloud.BlockSize, block);
                    var bytes = (byte[])history[volume][^1].Bytes.Clone();
                    block.CopyTo(bytes, (op.Value % Blocks) * TestCloud.BlockSize);
                    history[volume].Add((now, bytes));
                    break;
                case DlmOpKind.ManualSnapshot:
                    manual[(await t.Ec2.TakeSnapshotAsync(volume)).SnapshotId] = history[volume][^1].Bytes;
                    break;
                case DlmOpKind.DeleteManualSnapshot when manual.Count > 0:
                    var victim = manual.Keys.OrderBy(s => s.Value, StringComparer.Ordinal).ElementAt(op.Target % manual.Count);
                    await t.Ec2.DeleteSnapshotAsync(victim);
                    manual.Remove(victim);
                    break;
                case DlmOpKind.AdvanceTime:
                    t.Time.Advance(TimeSpan.FromSeconds(op.Value));
                    break;
                case DlmOpKind.CreatePolicy:
                    var (count, interval) = (op.Value / 10, Intervals[op.Value % 10]);
                    var request = Policies.Daily(count);
                    var schedule = request.PolicyDetails.Schedules[0] with { CreateRule = new CreateRule { Interval = interval, IntervalUnit = IntervalUnitValues.Hours, Times = ["00:00"] } };
                    var id = (await dlm.CreateLifecyclePolicyAsync(request with { PolicyDetails = request.PolicyDetails with { Schedules = [schedule] } })).PolicyId;
                    policies.Add(new PolicyModel(id, count, interval, [(now, null)]));
                    break;
                case DlmOpKind.TogglePolicy or DlmOpKind.DeletePolicy when policies.Count > 0 && policies[op.Target % policies.Count].Deleted:
                    var gonePolicy = policies[op.Target % policies.Count].Id;
                    await StateFingerprint.AssertUnchangedAsync(
                        t.Cloud,
                        () => op.Kind == DlmOpKind.DeletePolicy
                            ? dlm.DeleteLifecyclePolicyAsync(new DeleteLifecyclePolicyRequest { PolicyId = gonePolicy }).AsTask()
                            : dlm.UpdateLifecyclePolicyAsync(new UpdateLifecyclePolicyRequest { PolicyId = gonePolicy, State = SettablePolicyStateValues.Enabled }).AsTask(),
                        EbsErrorCodes.ResourceNotFoundException);
                    break;
                case DlmOpKind.TogglePolicy when policies.Count > 0:
                    var toggled = policies[op.Target % policies.Count];
                    var enabled = toggled.Enabled[^1].To is null;
                    await dlm.UpdateLifecyclePolicyAsync(new UpdateLifecyclePolicyRequest { PolicyId = toggled.Id, State = enabled ? SettablePolicyStateValues.Disabled : SettablePolicyStateValues.Enabled });
                    if (enabled)
                    {
                        toggled.Enabled[^1] = (toggled.Enabled[^1].From, now);
                    }
                    else
                    {
                        toggled.Enabled.Add((now, null));
                    }

                    break;
                case DlmOpKind.DeletePolicy when policies.Count > 0:
                    var deleted = policies[op.Target % policies.Count];
                    await dlm.DeleteLifecyclePolicyAsync(new DeleteLifecyclePolicyRequest { PolicyId = deleted.Id });
                    deleted.Deleted = true;
                    if (deleted.Enabled[^1].To is null)
                    {
                        deleted.Enabled[^1] = (deleted.Enabled[^1].From, now);
                    }

                    break;
            }

            var snapshots = (await t.Ec2.ListSnapshotsAsync()).ToDictionary(s => s.SnapshotId);
            Assert.All(manual.Keys, s => Assert.True(snapshots.ContainsKey(s), $"{op}: manual snapshot {s} was deleted."));
            var owned = snapshots.Values.Where(s => s.Tags.ContainsKey("aws:dlm:lifecycle-policy-id")).ToList();
            foreach (var snapshot in owned)
            {
                seen[snapshot.SnapshotId] = snapshot;
                var policy = policies.Single(p => p.Id == snapshot.Tags["aws:dlm:lifecycle-policy-id"]);
                Assert.Equal(volumes[0], snapshot.VolumeId);
                Assert.Equal(0, (snapshot.StartTime - snapshot.StartTime.Date).Ticks % TimeSpan.FromHours(policy.IntervalHours).Ticks);
                Assert.Contains(policy.Enabled, e => e.From < snapshot.StartTime && (e.To is null || snapshot.StartTime < e.To));
            }

            foreach (var gone in seen.Values.Where(s => !snapshots.ContainsKey(s.SnapshotId)))
            {
                var policy = policies.Single(p => p.Id == gone.Tags["aws:dlm:lifecycle-policy-id"]);
                var newer = owned.Count(s => s.Tags["aws:dlm:lifecycle-policy-id"] == policy.Id && s.StartTime > gone.StartTime);
                Assert.True(newer >= policy.Count, $"{op}: {gone.SnapshotId} of {policy.Id} is gone with only {newer} newer (retain {policy.Count}).");
            }

            foreach (var policy in policies.Where(p => p.Enabled[^1].To is null))
            {
                var mine = owned.Where(s => s.Tags["aws:dlm:lifecycle-policy-id"] == policy.Id).ToList();
                Assert.True(mine.Count(s => s.State == SnapshotState.Completed) <= policy.Count || mine.Any(s => s.State == SnapshotState.Pending), $"{op}: {policy.Id} keeps {mine.Count} (retain {policy.Count}).");
            }

            // Once complete: a run due seconds before the clock stopped is still pending (and can be read only then).
            foreach (var snapshot in owned.Where(s => s.State == SnapshotState.Completed && verified.Add(s.SnapshotId)))
            {
                var restored = (await t.Ec2.CreateVolumeAsync(new CreateVolumeRequest { AvailabilityZone = "us-east-1a", SnapshotId = snapshot.SnapshotId })).Volume.VolumeId;
                var expected = history[volumes[0]].Last(h => h.At < snapshot.StartTime).Bytes;
                Assert.Equal(expected, await t.ReadAsync(restored, 0, expected.Length));
                await t.Ec2.DeleteVolumeAsync(restored);
            }
        }
    }

    /// <inheritdoc cref="DlmModelTests"/>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{nameof(DlmModelTests)} ({Runs} runs)");
}
