using System.Net;
using Ebs.Core.Domain;
using Ebs.Core.Services;

namespace Ebs.Core.Tests.Backup;

/// <summary>AWS Backup answers every error with HTTP 400, also the code names other services answer otherwise.</summary>
public sealed class BackupErrorStatusTests
{
    [Fact]
    public async Task NotFoundLimitAndAccessDenied_Backup400_WhereOtherServicesAnswer404And429And403()
    {
        await using var t = new TestCloud();
        var backup = t.Backup();

        var notFound = await Assert.ThrowsAsync<EbsException>(() => backup.DescribeBackupVaultAsync(new DescribeBackupVaultRequest { BackupVaultName = "nope" }).AsTask());
        var tooMany = Daily() with { Rules = [.. Enumerable.Range(0, 11).Select(i => new BackupRuleInput { RuleName = $"r{i}", TargetBackupVaultName = "v1" })] };
        var limit = await Assert.ThrowsAsync<EbsException>(() => backup.CreateBackupPlanAsync(new CreateBackupPlanRequest { BackupPlan = tooMany }).AsTask());
        var volume = await t.CreateVolumeAsync();
        await backup.CreateVaultAsync("v1");
        var job = await backup.BackUpAsync("v1", volume.VolumeId);
        await backup.PutBackupVaultAccessPolicyAsync(new PutBackupVaultAccessPolicyRequest
        {
            BackupVaultName = "v1",
            Policy = """{"Statement":[{"Effect":"Deny","Principal":"*","Action":"backup:DeleteRecoveryPoint","Resource":"*"}]}""",
        });
        var denied = await Assert.ThrowsAsync<EbsException>(() => backup.DeleteRecoveryPointAsync(new DeleteRecoveryPointRequest { BackupVaultName = "v1", RecoveryPointArn = job.RecoveryPointArn! }).AsTask());

        Assert.Equal((EbsErrorCodes.ResourceNotFoundException, HttpStatusCode.BadRequest), (notFound.ErrorCode, notFound.StatusCode));
        Assert.Equal((EbsErrorCodes.LimitExceededException, HttpStatusCode.BadRequest), (limit.ErrorCode, limit.StatusCode));
        Assert.Equal((EbsErrorCodes.AccessDeniedException, HttpStatusCode.BadRequest), (denied.ErrorCode, denied.StatusCode));
        Assert.Equal(HttpStatusCode.NotFound, EbsErrorCodes.StatusCodeOf(EbsErrorCodes.ResourceNotFoundException));
        Assert.Equal(HttpStatusCode.TooManyRequests, EbsErrorCodes.StatusCodeOf(EbsErrorCodes.LimitExceededException));
        Assert.Equal(HttpStatusCode.Forbidden, EbsErrorCodes.StatusCodeOf(EbsErrorCodes.AccessDeniedException));
    }

    [Fact]
    public async Task DlmLimitAndNotFound_KeepTheirOwnStatuses()
    {
        await using var t = new TestCloud();
        var dlm = t.Cloud.Account(TestCloud.Account).Dlm(TestCloud.Region);

        var notFound = await Assert.ThrowsAsync<EbsException>(() => dlm.GetLifecyclePolicyAsync(new GetLifecyclePolicyRequest { PolicyId = "policy-0123456789abcdef0" }).AsTask());

        Assert.Equal((EbsErrorCodes.ResourceNotFoundException, HttpStatusCode.NotFound), (notFound.ErrorCode, notFound.StatusCode));
    }

    private static BackupPlanInput Daily() => new() { BackupPlanName = "daily", Rules = [new BackupRuleInput { RuleName = "r", TargetBackupVaultName = "v1" }] };
}
