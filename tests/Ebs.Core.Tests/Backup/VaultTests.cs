using System.Net;
using Ebs.Core.Services;

namespace Ebs.Core.Tests.Backup;

public sealed class VaultTests
{
    [Fact]
    public async Task CreateBackupVault_New_DescribedAndListedWithArn()
    {
        await using var t = new TestCloud();
        var created = await t.Backup().CreateBackupVaultAsync(new CreateBackupVaultRequest { BackupVaultName = "prod_vault-1" });
        var described = await t.Backup().DescribeBackupVaultAsync(new DescribeBackupVaultRequest { BackupVaultName = "prod_vault-1" });
        var listed = await t.Backup().ListBackupVaultsAsync(new ListBackupVaultsRequest());

        Assert.Equal("arn:aws:backup:us-east-1:111111111111:backup-vault:prod_vault-1", created.BackupVaultArn);
        Assert.Equal(t.Time.GetUtcNow(), described.CreationDate);
        Assert.Equal(0, described.NumberOfRecoveryPoints);
        Assert.False(described.Locked);
        Assert.Equal("arn:aws:kms:us-east-1:111111111111:alias/aws/backup", described.EncryptionKeyArn);
        Assert.Equal(["prod_vault-1"], listed.BackupVaultList.Select(v => v.BackupVaultName));
    }

    [Theory]
    [InlineData("a")]
    [InlineData("has space")]
    [InlineData("dot.ted")]
    public async Task CreateBackupVault_BadName_InvalidParameterValueAndNothingChanged(string name)
    {
        await using var t = new TestCloud();
        await StateFingerprint.AssertUnchangedAsync(t.Cloud, () => t.Backup().CreateBackupVaultAsync(new CreateBackupVaultRequest { BackupVaultName = name }).AsTask(), "InvalidParameterValueException");
    }

    [Fact]
    public async Task CreateBackupVault_NameTaken_AlreadyExistsUnlessSameRequestId()
    {
        await using var t = new TestCloud();
        var first = await t.Backup().CreateBackupVaultAsync(new CreateBackupVaultRequest { BackupVaultName = "v1", CreatorRequestId = "token-1" });
        var again = await t.Backup().CreateBackupVaultAsync(new CreateBackupVaultRequest { BackupVaultName = "v1", CreatorRequestId = "token-1" });

        Assert.Equal(first, again);
        await StateFingerprint.AssertUnchangedAsync(t.Cloud, () => t.Backup().CreateBackupVaultAsync(new CreateBackupVaultRequest { BackupVaultName = "v1" }).AsTask(), "AlreadyExistsException");
    }

    [Fact]
    public async Task DeleteBackupVault_HoldsRecoveryPoint_InvalidRequestThenDeletedOnceEmpty()
    {
        await using var t = new TestCloud();
        var volume = await t.CreateVolumeAsync();
        await t.Backup().CreateVaultAsync("v1");
        var job = await t.Backup().BackUpAsync("v1", volume.VolumeId);

        var error = await Assert.ThrowsAsync<EbsException>(() => t.Backup().DeleteBackupVaultAsync(new DeleteBackupVaultRequest { BackupVaultName = "v1" }).AsTask());
        Assert.Equal("InvalidRequestException", error.ErrorCode);
        Assert.Equal("Backup vault cannot be deleted because it contains recovery points.", error.Message);
        Assert.Equal(HttpStatusCode.BadRequest, error.StatusCode);

        await t.Backup().DeleteRecoveryPointAsync(new DeleteRecoveryPointRequest { BackupVaultName = "v1", RecoveryPointArn = job.RecoveryPointArn! });
        await t.Backup().DeleteBackupVaultAsync(new DeleteBackupVaultRequest { BackupVaultName = "v1" });
        Assert.Empty((await t.Backup().ListBackupVaultsAsync(new ListBackupVaultsRequest())).BackupVaultList);
    }

    [Fact]
    public async Task DescribeBackupVault_Missing_ResourceNotFound()
    {
        await using var t = new TestCloud();
        await StateFingerprint.AssertUnchangedAsync(t.Cloud, () => t.Backup().DescribeBackupVaultAsync(new DescribeBackupVaultRequest { BackupVaultName = "nope" }).AsTask(), "ResourceNotFoundException");
    }

    [Fact]
    public async Task AccessPolicy_PutGetDelete_RoundTripsAndMissingIsNotFound()
    {
        await using var t = new TestCloud();
        await t.Backup().CreateVaultAsync("v1");
        const string Policy = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":"*","Action":"backup:DescribeBackupVault","Resource":"*"}]}""";

        await t.Backup().PutBackupVaultAccessPolicyAsync(new PutBackupVaultAccessPolicyRequest { BackupVaultName = "v1", Policy = Policy });
        Assert.Equal(Policy, (await t.Backup().GetBackupVaultAccessPolicyAsync(new GetBackupVaultAccessPolicyRequest { BackupVaultName = "v1" })).Policy);
        await t.Backup().DeleteBackupVaultAccessPolicyAsync(new DeleteBackupVaultAccessPolicyRequest { BackupVaultName = "v1" });
        await StateFingerprint.AssertUnchangedAsync(t.Cloud, () => t.Backup().GetBackupVaultAccessPolicyAsync(new GetBackupVaultAccessPolicyRequest { BackupVaultName = "v1" }).AsTask(), "ResourceNotFoundException");
        await StateFingerprint.AssertUnchangedAsync(t.Cloud, () => t.Backup().PutBackupVaultAccessPolicyAsync(new PutBackupVaultAccessPolicyRequest { BackupVaultName = "v1", Policy = "not json" }).AsTask(), "InvalidParameterValueException");
    }

    [Fact]
    public async Task DeleteRecoveryPoint_PolicyDeniesIt_AccessDeniedAndNothingChanged()
    {
        await using var t = new TestCloud();
        var volume = await t.CreateVolumeAsync();
        await t.Backup().CreateVaultAsync("v1");
        var job = await t.Backup().BackUpAsync("v1", volume.VolumeId);
        await t.Backup().PutBackupVaultAccessPolicyAsync(new PutBackupVaultAccessPolicyRequest
        {
            BackupVaultName = "v1",
            Policy = """{"Statement":[{"Effect":"Deny","Principal":"*","Action":["backup:DeleteRecoveryPoint","backup:UpdateRecoveryPointLifecycle"],"Resource":"*"}]}""",
        });

        await StateFingerprint.AssertUnchangedAsync(t.Cloud, () => t.Backup().DeleteRecoveryPointAsync(new DeleteRecoveryPointRequest { BackupVaultName = "v1", RecoveryPointArn = job.RecoveryPointArn! }).AsTask(), "AccessDeniedException");
    }
}
