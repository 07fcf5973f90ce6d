using Ebs.Core.Domain;
using Ebs.Core.Services;

namespace Ebs.Core.Tests.Encryption;

public sealed class EncryptionRulesTests
{
    private const string Other = "222222222222";

    [Fact]
    public async Task MayShare_EachKindOfData_AwsRules()
    {
        await using var t = new TestCloud();
        var kms = t.Cloud.Account(TestCloud.Account).Kms(TestCloud.Region);
        var customer = (await kms.CreateKeyAsync(new())).KeyMetadata;
        var managed = (await t.Ec2.CreateVolumeAsync(new() { AvailabilityZone = "us-east-1a", Size = 1, Encrypted = true })).Volume.KmsKeyId;
        var world = t.Cloud.Engine.World;

        Assert.Equal(SharingVerdict.Allowed, EncryptionRules.MayShare(world, (string?)null, Other));
        Assert.Equal(SharingVerdict.Allowed, EncryptionRules.MayShare(world, (string?)null, null));
        Assert.Equal(SharingVerdict.EncryptedCannotBePublic, EncryptionRules.MayShare(world, customer.Arn, null));
        Assert.Equal(SharingVerdict.EncryptedCannotBePublic, EncryptionRules.MayShare(world, managed, null));
        Assert.Equal(SharingVerdict.ManagedKeyCannotBeShared, EncryptionRules.MayShare(world, managed, Other));
        Assert.Equal(SharingVerdict.AllowedOnceKeyGranted, EncryptionRules.MayShare(world, customer.Arn, Other));
        Assert.Equal(SharingVerdict.ManagedKeyCannotBeShared, EncryptionRules.MayShare(world, [null, customer.Arn, managed], Other));
    }

    [Fact]
    public async Task MayShare_CustomerKeyGrantedThenRevoked_RecipientUseFollows()
    {
        await using var t = new TestCloud();
        var kms = t.Cloud.Account(TestCloud.Account).Kms(TestCloud.Region);
        var key = (await kms.CreateKeyAsync(new())).KeyMetadata;

        var grant = await kms.CreateGrantAsync(new() { KeyId = key.KeyId, GranteePrincipal = Other, Operations = [GrantOperation.Decrypt, GrantOperation.CreateGrant] });
        var granted = EncryptionRules.MayShare(t.Cloud.Engine.World, key.Arn, Other);
        var mayUse = EncryptionRules.MayUse(t.Cloud.Engine.World, key.Arn, Other);
        await kms.RevokeGrantAsync(new() { KeyId = key.KeyId, GrantId = grant.GrantId });

        Assert.Equal(SharingVerdict.Allowed, granted);
        Assert.True(mayUse);
        Assert.False(EncryptionRules.MayUse(t.Cloud.Engine.World, key.Arn, Other));
        Assert.True(EncryptionRules.MayUse(t.Cloud.Engine.World, key.Arn, TestCloud.Account));
    }

    [Fact]
    public void ThrowIfRefused_EachVerdict_RefusalsOnlyAsOperationNotPermitted()
    {
        foreach (var verdict in new[] { SharingVerdict.EncryptedCannotBePublic, SharingVerdict.ManagedKeyCannotBeShared })
        {
            Assert.Equal(EbsErrorCodes.OperationNotPermitted, Assert.Throws<EbsException>(() => EncryptionRules.ThrowIfRefused(verdict, "snap-0123456789abcdef0")).ErrorCode);
        }

        EncryptionRules.ThrowIfRefused(SharingVerdict.Allowed, "snap-0123456789abcdef0");
        EncryptionRules.ThrowIfRefused(SharingVerdict.AllowedOnceKeyGranted, "snap-0123456789abcdef0");
    }
}
