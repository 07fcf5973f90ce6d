using Ebs.Core.Tests;
using Microsoft.Extensions.Time.Testing;

namespace Ebs.Cli.Tests;

public sealed class BackupCommandTests
{
    [Fact]
    public async Task BackupVaultStartPointsRestore_Volume_RestoredVolumeHoldsItsBytes()
    {
        using var dir = new TempDirectory();
        var time = new FakeTimeProvider(DateTimeOffset.UnixEpoch);
        var ebs = new CliRunner(Path.Combine(dir.Path, "store"), asProcess: false, time);
        var image = Path.Combine(dir.Path, "data.img");
        var bytes = Enumerable.Range(0, 2 << 20).Select(i => (byte)(i % 251)).ToArray();
        await File.WriteAllBytesAsync(image, bytes);
        var volume = (await ebs.JsonAsync("volume", "import", image)).GetProperty("VolumeId").GetString()!;

        var vault = await ebs.JsonAsync("backup", "vault", "create", "prod");
        var job = await ebs.JsonAsync("backup", "start", "--volume", volume, "--vault", "prod", "--delete-after", "7");
        time.Advance(TimeSpan.FromMinutes(1)); // the recovery point's snapshot completes
        var point = (await ebs.JsonAsync("backup", "points", "--vault", "prod")).GetProperty("RecoveryPoints").EnumerateArray().Single();
        var vaults = (await ebs.JsonAsync("backup", "vault", "list")).GetProperty("BackupVaultList").EnumerateArray().Single();
        var arn = point.GetProperty("RecoveryPointArn").GetString()!;
        var (deleteCode, _, deleteError) = await ebs.RunAsync("snapshot", "delete", arn[(arn.LastIndexOf('/') + 1)..]);
        await ebs.JsonAsync("backup", "restore", arn, "--az", "us-east-1b");
        var restored = (await ebs.JsonAsync("volume", "list")).GetProperty("Volumes").EnumerateArray().Single(v => v.GetProperty("VolumeId").GetString() != volume).GetProperty("VolumeId").GetString()!;
        var exported = Path.Combine(dir.Path, "restored.img");
        await ebs.RunAsync("volume", "export", restored, exported);

        Assert.Equal("arn:aws:backup:us-east-1:111111111111:backup-vault:prod", vault.GetProperty("BackupVaultArn").GetString());
        Assert.Matches("^[0-9a-f-]{36}$", job.GetProperty("BackupJobId").GetString()!);
        Assert.Equal("COMPLETED", point.GetProperty("Status").GetString());
        Assert.Equal(1, vaults.GetProperty("NumberOfRecoveryPoints").GetInt64());
        Assert.Equal(1, deleteCode);
        Assert.StartsWith("ebs: InvalidParameterValue: This snapshot is managed by the AWS Backup service", deleteError, StringComparison.Ordinal);
        Assert.Equal(bytes, (await File.ReadAllBytesAsync(exported))[..bytes.Length]);
    }
}
