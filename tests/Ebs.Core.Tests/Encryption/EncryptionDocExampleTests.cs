using Ebs.Core.Domain;
using Ebs.Core.Services;
using Microsoft.Extensions.Time.Testing;

namespace Ebs.Core.Tests.Encryption;

/// <summary>docs/encryption.md's usage example, compiled and checked.</summary>
public sealed class EncryptionDocExampleTests
{
    [Fact]
    public async Task EncryptionDocExample_RunsAsDocumented()
    {
        // docs/encryption.md example start
        var time = new FakeTimeProvider(DateTimeOffset.Parse("2026-01-01T00:00Z"));
        await using var cloud = EbsCloud.CreateInMemory(o => o.BlockSize = 4096, time);
        var ec2 = cloud.Account("111111111111").Ec2("us-east-1");
        var kms = cloud.Account("111111111111").Kms("us-east-1");

        // A customer managed key, and a volume encrypted with it.
        var key = (await kms.CreateKeyAsync(new() { Description = "database" })).KeyMetadata;
        var vol = (await ec2.CreateVolumeAsync(new() { AvailabilityZone = "us-east-1a", Size = 8, Encrypted = true, KmsKeyId = key.KeyId })).Volume;
        await ec2.WriteVolumeAsync(new() { VolumeId = vol.VolumeId, Writes = [new VolumeWrite(0, new byte[4096])] });
        var snap = (await ec2.CreateSnapshotAsync(new() { VolumeId = vol.VolumeId })).Snapshot;   // Encrypted, same key

        // From now on every new volume is encrypted, with alias/aws/ebs unless a key is named.
        await ec2.EnableEbsEncryptionByDefaultAsync(new());

        // Disabling the key makes its data unusable until it is enabled again.
        await kms.DisableKeyAsync(new() { KeyId = key.KeyId });
        try
        {
            await ec2.ReadVolumeAsync(new() { VolumeId = vol.VolumeId, Offset = 0, Destination = new byte[4096] });
        }
        catch (EbsException e) when (e.ErrorCode == EbsErrorCodes.InvalidKmsKeyInvalidState)
        {
            await kms.EnableKeyAsync(new() { KeyId = key.KeyId });
        }
        // docs/encryption.md example end

        Assert.True(snap.Encrypted);
        Assert.Equal(key.Arn, snap.KmsKeyId);
        Assert.Equal(KeyState.Enabled, (await kms.DescribeKeyAsync(new() { KeyId = key.KeyId })).KeyMetadata.KeyState);
        Assert.True((await ec2.CreateVolumeAsync(new() { AvailabilityZone = "us-east-1a", Size = 1 })).Volume.Encrypted);
    }

    [Fact]
    public void EncryptionDoc_Example_MatchesThisTest()
    {
        var doc = File.ReadAllText(Path.Combine(RepositoryRoot(), "docs", "encryption.md")).ReplaceLineEndings("\n");
        var test = File.ReadAllText(Path.Combine(RepositoryRoot(), "tests", "Ebs.Core.Tests", "Encryption", "EncryptionDocExampleTests.cs")).ReplaceLineEndings("\n");
        var start = doc.IndexOf("```csharp\n", StringComparison.Ordinal) + "```csharp\n".Length;
        var example = doc[start..doc.IndexOf("```", start, StringComparison.Ordinal)];
        var from = test.IndexOf("// docs/encryption.md example start\n", StringComparison.Ordinal) + "// docs/encryption.md example start\n".Length;
        var body = test[from..test.IndexOf("        // docs/encryption.md example end", StringComparison.Ordinal)];

        Assert.Equal(Normalize(example), Normalize(body));
    }

    private static string Normalize(string code) => string.Join('\n', code.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0));

    private static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Ebs.Core.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("The repository root was not found.");
    }
}
