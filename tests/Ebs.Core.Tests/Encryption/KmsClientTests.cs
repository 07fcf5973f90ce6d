using Ebs.Core.Domain;
using Ebs.Core.Services;

namespace Ebs.Core.Tests.Encryption;

public sealed class KmsClientTests
{
    private static readonly DateTimeOffset Start = DateTimeOffset.Parse("2026-01-01T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task CreateKey_Described_AwsShapedIdsAndEnabled()
    {
        await using var t = new TestCloud();
        var kms = t.Cloud.Account(TestCloud.Account).Kms(TestCloud.Region);

        var key = (await kms.CreateKeyAsync(new() { Description = "backups" })).KeyMetadata;

        Assert.Matches("^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$", key.KeyId);
        Assert.Equal($"arn:aws:kms:us-east-1:111111111111:key/{key.KeyId}", key.Arn);
        Assert.Equal(KeyState.Enabled, key.KeyState);
        Assert.True(key.Enabled);
        Assert.Equal(KeyManagerType.Customer, key.KeyManager);
        Assert.Equal("111111111111", key.AWSAccountId);
        Assert.Equal(Start, key.CreationDate);
        Assert.Equal(key, (await kms.DescribeKeyAsync(new() { KeyId = key.KeyId })).KeyMetadata);
        Assert.Equal(key, (await kms.DescribeKeyAsync(new() { KeyId = key.Arn })).KeyMetadata);
        Assert.Equal([key.KeyId], (await kms.ListKeysAsync(new())).Keys.Select(k => k.KeyId));
    }

    [Fact]
    public async Task DescribeKey_Unknown_NotFound()
    {
        await using var t = new TestCloud();
        var kms = t.Cloud.Account(TestCloud.Account).Kms(TestCloud.Region);

        var error = await Assert.ThrowsAsync<EbsException>(() => kms.DescribeKeyAsync(new() { KeyId = "1234abcd-12ab-34cd-56ef-1234567890ab" }).AsTask());

        Assert.Equal(EbsErrorCodes.NotFoundException, error.ErrorCode);
    }

    [Fact]
    public async Task DescribeKey_OtherRegion_NotFound()
    {
        await using var t = new TestCloud();
        var key = (await t.Cloud.Account(TestCloud.Account).Kms(TestCloud.Region).CreateKeyAsync(new())).KeyMetadata;

        var error = await Assert.ThrowsAsync<EbsException>(() => t.Cloud.Account(TestCloud.Account).Kms("us-west-2").DescribeKeyAsync(new() { KeyId = key.Arn }).AsTask());

        Assert.Equal(EbsErrorCodes.NotFoundException, error.ErrorCode);
    }

    [Fact]
    public async Task DisableKey_ThenEnable_StateFollows()
    {
        await using var t = new TestCloud();
        var kms = t.Cloud.Account(TestCloud.Account).Kms(TestCloud.Region);
        var key = (await kms.CreateKeyAsync(new())).KeyMetadata;

        await kms.DisableKeyAsync(new() { KeyId = key.KeyId });
        var disabled = (await kms.DescribeKeyAsync(new() { KeyId = key.KeyId })).KeyMetadata;
        await kms.EnableKeyAsync(new() { KeyId = key.KeyId });

        Assert.Equal(KeyState.Disabled, disabled.KeyState);
        Assert.False(disabled.Enabled);
        Assert.Equal(KeyState.Enabled, (await kms.DescribeKeyAsync(new() { KeyId = key.KeyId })).KeyMetadata.KeyState);
    }

    [Theory]
    [InlineData(6)]
    [InlineData(31)]
    public async Task ScheduleKeyDeletion_WindowOutside7To30_ValidationAndUnchanged(int days)
    {
        await using var t = new TestCloud();
        var kms = t.Cloud.Account(TestCloud.Account).Kms(TestCloud.Region);
        var key = (await kms.CreateKeyAsync(new())).KeyMetadata;

        await StateFingerprint.AssertUnchangedAsync(t.Cloud, () => kms.ScheduleKeyDeletionAsync(new() { KeyId = key.KeyId, PendingWindowInDays = days }).AsTask(), EbsErrorCodes.ValidationException);
    }

    [Fact]
    public async Task ScheduleKeyDeletion_Default30Days_PendingThenDeletedAtItsInstant()
    {
        await using var t = new TestCloud();
        var kms = t.Cloud.Account(TestCloud.Account).Kms(TestCloud.Region);
        var key = (await kms.CreateKeyAsync(new())).KeyMetadata;

        var scheduled = await kms.ScheduleKeyDeletionAsync(new() { KeyId = key.KeyId });
        t.Time.SetUtcNow(Start.AddDays(30).AddTicks(-1));
        var pending = (await kms.DescribeKeyAsync(new() { KeyId = key.KeyId })).KeyMetadata;
        t.Time.SetUtcNow(Start.AddDays(30));
        var error = await Assert.ThrowsAsync<EbsException>(() => kms.DescribeKeyAsync(new() { KeyId = key.KeyId }).AsTask());

        Assert.Equal(key.Arn, scheduled.KeyId);
        Assert.Equal(30, scheduled.PendingWindowInDays);
        Assert.Equal(Start.AddDays(30), scheduled.DeletionDate);
        Assert.Equal(KeyState.PendingDeletion, scheduled.KeyState);
        Assert.Equal(KeyState.PendingDeletion, pending.KeyState);
        Assert.Equal(Start.AddDays(30), pending.DeletionDate);
        Assert.Equal(EbsErrorCodes.NotFoundException, error.ErrorCode);
        Assert.Empty((await kms.ListKeysAsync(new())).Keys);
    }

    [Fact]
    public async Task CancelKeyDeletion_Pending_DisabledAndNeverDeleted()
    {
        await using var t = new TestCloud();
        var kms = t.Cloud.Account(TestCloud.Account).Kms(TestCloud.Region);
        var key = (await kms.CreateKeyAsync(new())).KeyMetadata;
        await kms.ScheduleKeyDeletionAsync(new() { KeyId = key.KeyId, PendingWindowInDays = 7 });

        var cancelled = await kms.CancelKeyDeletionAsync(new() { KeyId = key.KeyId });
        t.Time.SetUtcNow(Start.AddDays(8));
        var described = (await kms.DescribeKeyAsync(new() { KeyId = key.KeyId })).KeyMetadata;

        Assert.Equal(key.Arn, cancelled.KeyId);
        Assert.Equal(KeyState.Disabled, described.KeyState);
        Assert.Null(described.DeletionDate);
    }

    [Fact]
    public async Task KeyStateRules_Refused_KmsCodesAndUnchanged()
    {
        await using var t = new TestCloud();
        var kms = t.Cloud.Account(TestCloud.Account).Kms(TestCloud.Region);
        var key = (await kms.CreateKeyAsync(new())).KeyMetadata;

        await StateFingerprint.AssertUnchangedAsync(t.Cloud, () => kms.CancelKeyDeletionAsync(new() { KeyId = key.KeyId }).AsTask(), EbsErrorCodes.KmsInvalidStateException);
        await kms.ScheduleKeyDeletionAsync(new() { KeyId = key.KeyId, PendingWindowInDays = 7 });
        await StateFingerprint.AssertUnchangedAsync(t.Cloud, () => kms.ScheduleKeyDeletionAsync(new() { KeyId = key.KeyId }).AsTask(), EbsErrorCodes.KmsInvalidStateException);
        await StateFingerprint.AssertUnchangedAsync(t.Cloud, () => kms.DisableKeyAsync(new() { KeyId = key.KeyId }).AsTask(), EbsErrorCodes.KmsInvalidStateException);
        await StateFingerprint.AssertUnchangedAsync(t.Cloud, () => kms.EnableKeyAsync(new() { KeyId = key.KeyId }).AsTask(), EbsErrorCodes.KmsInvalidStateException);
        await StateFingerprint.AssertUnchangedAsync(t.Cloud, () => kms.CreateGrantAsync(new() { KeyId = key.KeyId, GranteePrincipal = "222222222222", Operations = [GrantOperation.Decrypt] }).AsTask(), EbsErrorCodes.KmsInvalidStateException);
        await StateFingerprint.AssertUnchangedAsync(t.Cloud, () => kms.EnableKeyAsync(new() { KeyId = "1234abcd-12ab-34cd-56ef-1234567890ab" }).AsTask(), EbsErrorCodes.NotFoundException);
    }

    [Fact]
    public async Task CreateGrant_DisabledKey_DisabledExceptionAndUnchanged()
    {
        await using var t = new TestCloud();
        var kms = t.Cloud.Account(TestCloud.Account).Kms(TestCloud.Region);
        var key = (await kms.CreateKeyAsync(new())).KeyMetadata;
        await kms.DisableKeyAsync(new() { KeyId = key.KeyId });

        await StateFingerprint.AssertUnchangedAsync(t.Cloud, () => kms.CreateGrantAsync(new() { KeyId = key.KeyId, GranteePrincipal = "222222222222", Operations = [GrantOperation.Decrypt] }).AsTask(), EbsErrorCodes.DisabledException);
    }

    [Fact]
    public async Task AwsManagedKey_ChangeOrShare_UnsupportedAndUnchanged()
    {
        await using var t = new TestCloud();
        await t.Ec2.CreateVolumeAsync(new() { AvailabilityZone = "us-east-1a", Size = 1, Encrypted = true });
        var kms = t.Cloud.Account(TestCloud.Account).Kms(TestCloud.Region);

        var managed = (await kms.DescribeKeyAsync(new() { KeyId = "alias/aws/ebs" })).KeyMetadata;

        Assert.Equal(KeyManagerType.Aws, managed.KeyManager);
        await StateFingerprint.AssertUnchangedAsync(t.Cloud, () => kms.DisableKeyAsync(new() { KeyId = managed.KeyId }).AsTask(), EbsErrorCodes.UnsupportedOperationException);
        await StateFingerprint.AssertUnchangedAsync(t.Cloud, () => kms.ScheduleKeyDeletionAsync(new() { KeyId = managed.KeyId }).AsTask(), EbsErrorCodes.UnsupportedOperationException);
        await StateFingerprint.AssertUnchangedAsync(t.Cloud, () => kms.CreateGrantAsync(new() { KeyId = managed.KeyId, GranteePrincipal = "222222222222", Operations = [GrantOperation.Decrypt] }).AsTask(), EbsErrorCodes.UnsupportedOperationException);
    }

    [Fact]
    public async Task ListAliases_BeforeAndAfterFirstEncryptedVolume_AwsEbsAliasAppears()
    {
        await using var t = new TestCloud();
        var kms = t.Cloud.Account(TestCloud.Account).Kms(TestCloud.Region);
        var before = (await kms.ListAliasesAsync(new())).Aliases;

        var volume = (await t.Ec2.CreateVolumeAsync(new() { AvailabilityZone = "us-east-1a", Size = 1, Encrypted = true })).Volume;
        var alias = Assert.Single((await kms.ListAliasesAsync(new())).Aliases);

        Assert.Empty(before);
        Assert.Equal("alias/aws/ebs", alias.AliasName);
        Assert.Equal("arn:aws:kms:us-east-1:111111111111:alias/aws/ebs", alias.AliasArn);
        Assert.Equal($"arn:aws:kms:us-east-1:111111111111:key/{alias.TargetKeyId}", volume.KmsKeyId);
        Assert.True(volume.Encrypted);
    }

    [Fact]
    public async Task Grants_CreateListRevoke_RoundTrip()
    {
        await using var t = new TestCloud();
        var kms = t.Cloud.Account(TestCloud.Account).Kms(TestCloud.Region);
        var key = (await kms.CreateKeyAsync(new())).KeyMetadata;

        var created = await kms.CreateGrantAsync(new() { KeyId = key.KeyId, GranteePrincipal = "arn:aws:iam::222222222222:root", Operations = [GrantOperation.Decrypt, GrantOperation.CreateGrant] });
        var listed = Assert.Single((await kms.ListGrantsAsync(new() { KeyId = key.KeyId })).Grants);
        await kms.RevokeGrantAsync(new() { KeyId = key.KeyId, GrantId = created.GrantId });

        Assert.Matches("^[0-9a-f]{64}$", created.GrantId);
        Assert.Equal(created.GrantId, listed.GrantId);
        Assert.Equal(key.Arn, listed.KeyId);
        Assert.Equal("arn:aws:iam::222222222222:root", listed.GranteePrincipal);
        Assert.Equal("arn:aws:iam::111111111111:root", listed.IssuingAccount);
        Assert.Equal([GrantOperation.Decrypt, GrantOperation.CreateGrant], listed.Operations);
        Assert.Empty((await kms.ListGrantsAsync(new() { KeyId = key.KeyId })).Grants);
    }

    [Fact]
    public async Task RevokeGrant_Unknown_InvalidGrantIdAndUnchanged()
    {
        await using var t = new TestCloud();
        var kms = t.Cloud.Account(TestCloud.Account).Kms(TestCloud.Region);
        var key = (await kms.CreateKeyAsync(new())).KeyMetadata;

        await StateFingerprint.AssertUnchangedAsync(t.Cloud, () => kms.RevokeGrantAsync(new() { KeyId = key.KeyId, GrantId = new string('0', 64) }).AsTask(), EbsErrorCodes.InvalidGrantIdException);
    }

    [Fact]
    public async Task CreateGrant_BadRequest_ValidationAndUnchanged()
    {
        await using var t = new TestCloud();
        var kms = t.Cloud.Account(TestCloud.Account).Kms(TestCloud.Region);
        var key = (await kms.CreateKeyAsync(new())).KeyMetadata;

        await StateFingerprint.AssertUnchangedAsync(t.Cloud, () => kms.CreateGrantAsync(new() { KeyId = key.KeyId, GranteePrincipal = "222222222222", Operations = [] }).AsTask(), EbsErrorCodes.ValidationException);
        await StateFingerprint.AssertUnchangedAsync(t.Cloud, () => kms.CreateGrantAsync(new() { KeyId = key.KeyId, GranteePrincipal = "nobody", Operations = [GrantOperation.Decrypt] }).AsTask(), EbsErrorCodes.ValidationException);
    }

    [Fact]
    public async Task ListKeys_Paged_EveryKeyOnceThenBadMarkerRefused()
    {
        await using var t = new TestCloud();
        var kms = t.Cloud.Account(TestCloud.Account).Kms(TestCloud.Region);
        for (var i = 0; i < 3; i++)
        {
            await kms.CreateKeyAsync(new());
        }

        var first = await kms.ListKeysAsync(new() { Limit = 2 });
        var second = await kms.ListKeysAsync(new() { Limit = 2, Marker = first.NextMarker });

        Assert.True(first.Truncated);
        Assert.False(second.Truncated);
        Assert.Null(second.NextMarker);
        Assert.Equal(3, first.Keys.Concat(second.Keys).Select(k => k.KeyId).Distinct().Count());
        Assert.Equal(EbsErrorCodes.ValidationException, (await Assert.ThrowsAsync<EbsException>(() => kms.ListKeysAsync(new() { Limit = 0 }).AsTask())).ErrorCode);
        Assert.Equal(EbsErrorCodes.InvalidMarkerException, (await Assert.ThrowsAsync<EbsException>(() => kms.ListKeysAsync(new() { Marker = "bogus" }).AsTask())).ErrorCode);
    }

    [Fact]
    public async Task DescribeKey_AnotherAccountsKey_OnlyOnceGrantedAndNeverManaged()
    {
        await using var t = new TestCloud();
        var owner = t.Cloud.Account(TestCloud.Account).Kms(TestCloud.Region);
        var other = t.Cloud.Account("222222222222").Kms(TestCloud.Region);
        var key = (await owner.CreateKeyAsync(new())).KeyMetadata;

        var hidden = await Assert.ThrowsAsync<EbsException>(() => other.DescribeKeyAsync(new() { KeyId = key.Arn }).AsTask());
        await owner.CreateGrantAsync(new() { KeyId = key.KeyId, GranteePrincipal = "222222222222", Operations = [GrantOperation.Decrypt] });

        Assert.Equal(EbsErrorCodes.NotFoundException, hidden.ErrorCode);
        Assert.Equal(key, (await other.DescribeKeyAsync(new() { KeyId = key.Arn })).KeyMetadata);
        Assert.Empty((await other.ListKeysAsync(new())).Keys);
        await StateFingerprint.AssertUnchangedAsync(t.Cloud, () => other.DisableKeyAsync(new() { KeyId = key.Arn }).AsTask(), EbsErrorCodes.UnsupportedOperationException);
    }
}
