using System.Reflection;
using Ebs.Core.Domain;
using Ebs.Core.Services;
using Ebs.Core.Tests.Dlm;
using Ebs.Core.Tests.Instances;
using Ebs.Core.Tests.RecycleBin;
using static Ebs.Core.Tests.Sharing.SharingShorthands;

namespace Ebs.Core.Tests.Sharing;

/// <summary>
/// Every public operation of every facade against one account's resources (a volume, a snapshot, an image, an instance, a
/// Recycle Bin rule), called by its owner, by an account they are shared with, by any account while they are public, and by
/// a stranger, in their Region and in another: what each may do, with AWS's code for what each may not. A refused call
/// changes nothing. A new operation without a row here fails <see cref="Every_facade_operation_has_a_row"/>.
/// </summary>
public sealed class AuthorizationTests
{
    private const string SnapNotFound = EbsErrorCodes.InvalidSnapshotNotFound;
    private const string Unauthorized = EbsErrorCodes.UnauthorizedOperation;
    private const string AmiNotFound = EbsErrorCodes.InvalidAmiIdNotFound;
    private const string AuthFailure = EbsErrorCodes.AuthFailure;
    private const string VolNotFound = EbsErrorCodes.InvalidVolumeNotFound;
    private const string InstNotFound = EbsErrorCodes.InvalidInstanceIdNotFound;
    private const string RuleNotFound = EbsErrorCodes.ResourceNotFoundException;
    private const string KeyNotFound = EbsErrorCodes.NotFoundException;
    private const string Vault = "vault";
    private const string CopyVault = "disaster-recovery";
    private const string BadBackupParameter = EbsErrorCodes.InvalidParameterValueException;
    private const string BackupRole = $"arn:aws:iam::{Owner}:role/service-role/AWSBackupDefaultServiceRole";

    private static readonly BackupPlanInput BackupPlan = new() { BackupPlanName = "plan", Rules = [new BackupRuleInput { RuleName = "daily", TargetBackupVaultName = Vault }] };

    public enum Role
    {
        Owner,
        Shared,
        Public,
        Stranger,
    }

    /// <summary>
    /// The expected outcome (<see langword="null"/>: success, else the error code) for owner, shared, public and stranger,
    /// in the resources' Region and in another.
    /// </summary>
    private sealed record Row(Func<Case, Task> Call, string?[] SameRegion, string?[] OtherRegion);

    private static Row Usable(Func<Case, Task> call, string notFound) => new(call, [null, null, null, notFound], [notFound, notFound, notFound, notFound]);

    private static Row OwnerOnlySnapshot(Func<Case, Task> call, string? owner = null) => new(call, [owner, Unauthorized, Unauthorized, SnapNotFound], [SnapNotFound, SnapNotFound, SnapNotFound, SnapNotFound]);

    private static Row OwnerOnlyImage(Func<Case, Task> call, string? owner = null) => new(call, [owner, AuthFailure, AuthFailure, AuthFailure], [AmiNotFound, AmiNotFound, AmiNotFound, AmiNotFound]);

    /// <summary>A resource that is never shared (volume, instance, rule): its owner's alone, in its Region.</summary>
    private static Row Unshareable(Func<Case, Task> call, string notFound, string? owner = null) => new(call, [owner, notFound, notFound, notFound], [notFound, notFound, notFound, notFound]);

    /// <summary>An operation on the caller's own account and Region: allowed to every caller.</summary>
    private static Row Account(Func<Case, Task> call) => new(call, [null, null, null, null], [null, null, null, null]);

    private static readonly Dictionary<string, Row> Rows = new()
    {
        // Snapshots: usable by whoever they are shared with; only their owner changes them.
        ["Ec2Client.DescribeSnapshotsAsync"] = Usable(c => c.Ec2.DescribeSnapshotsAsync(new() { SnapshotIds = [c.Snapshot] }).AsTask(), SnapNotFound),
        ["Ec2Client.CreateVolumeAsync"] = Usable(c => c.Ec2.CreateVolumeAsync(new() { AvailabilityZone = c.Zone, SnapshotId = c.Snapshot }).AsTask(), SnapNotFound),

        // A copy is made in the caller's Region from the snapshot's: from another Region it is a cross-Region copy.
        ["Ec2Client.CopySnapshotAsync"] = new(c => c.Ec2.CopySnapshotAsync(new() { SourceRegion = TestCloud.Region, SourceSnapshotId = c.Snapshot }).AsTask(), [null, null, null, SnapNotFound], [null, null, null, SnapNotFound]),
        ["Ec2Client.CopyImageAsync"] = new(c => c.Ec2.CopyImageAsync(new() { SourceRegion = TestCloud.Region, SourceImageId = c.Image, Name = "copy" }).AsTask(), [null, null, null, AuthFailure], [null, null, null, AuthFailure]),
        ["Ec2Client.EnableFastSnapshotRestoresAsync"] = Usable(c => FsrAsync(c.Ec2.EnableFastSnapshotRestoresAsync(new() { AvailabilityZones = [c.Zone], SourceSnapshotIds = [c.Snapshot] }).AsTask(), r => r.Unsuccessful), SnapNotFound),
        ["Ec2Client.DisableFastSnapshotRestoresAsync"] = new(c => FsrAsync(c.Ec2.DisableFastSnapshotRestoresAsync(new() { AvailabilityZones = [c.Zone], SourceSnapshotIds = [c.Snapshot] }).AsTask(), r => r.Unsuccessful), [EbsErrorCodes.IncorrectState, EbsErrorCodes.IncorrectState, EbsErrorCodes.IncorrectState, SnapNotFound], [SnapNotFound, SnapNotFound, SnapNotFound, SnapNotFound]),
        ["Ec2Client.DeleteSnapshotAsync"] = OwnerOnlySnapshot(c => c.Ec2.DeleteSnapshotAsync(new() { SnapshotId = c.Snapshot }).AsTask()),
        ["Ec2Client.GetSnapshotStorageAsync"] = OwnerOnlySnapshot(c => c.Ec2.GetSnapshotStorageAsync(new() { SnapshotId = c.Snapshot }).AsTask()),
        ["Ec2Client.ModifySnapshotAttributeAsync"] = OwnerOnlySnapshot(c => c.Ec2.ShareAsync(c.Snapshot, "555555555555").AsTask()),
        ["Ec2Client.DescribeSnapshotAttributeAsync"] = OwnerOnlySnapshot(c => c.Ec2.DescribeSnapshotAttributeAsync(new() { SnapshotId = c.Snapshot, Attribute = SnapshotAttributeName.CreateVolumePermission }).AsTask()),
        ["Ec2Client.ResetSnapshotAttributeAsync"] = OwnerOnlySnapshot(c => c.Ec2.ResetSnapshotAttributeAsync(new() { SnapshotId = c.Snapshot, Attribute = SnapshotAttributeName.CreateVolumePermission }).AsTask()),
        ["Ec2Client.ModifySnapshotTierAsync"] = OwnerOnlySnapshot(c => c.Ec2.ModifySnapshotTierAsync(new() { SnapshotId = c.Snapshot }).AsTask()),
        ["Ec2Client.RestoreSnapshotTierAsync"] = OwnerOnlySnapshot(c => c.Ec2.RestoreSnapshotTierAsync(new() { SnapshotId = c.Snapshot }).AsTask(), EbsErrorCodes.IncorrectState),
        ["Ec2Client.RegisterImageAsync"] = OwnerOnlySnapshot(c => c.Ec2.RegisterImageAsync(new() { Name = "mine", RootDeviceName = InstanceShorthands.Root, BlockDeviceMappings = [Ec2Shorthands.Mapping(InstanceShorthands.Root, c.Snapshot)] }).AsTask()),
        ["Ec2Client.CreateTagsAsync"] = OwnerOnlySnapshot(c => c.Ec2.CreateTagsAsync(new() { Resources = [c.Snapshot], Tags = [new Tag("k", "v")] }).AsTask()),
        ["Ec2Client.DeleteTagsAsync"] = OwnerOnlySnapshot(c => c.Ec2.DeleteTagsAsync(new() { Resources = [c.Snapshot] }).AsTask()),

        // A snapshot not in the bin is not found there, by anyone.
        ["Ec2Client.RestoreSnapshotFromRecycleBinAsync"] = Unshareable(c => c.Ec2.RestoreSnapshotFromRecycleBinAsync(new() { SnapshotId = c.Snapshot }).AsTask(), SnapNotFound, SnapNotFound),
        ["Ec2Client.ListSnapshotsInRecycleBinAsync"] = Unshareable(c => c.Ec2.ListSnapshotsInRecycleBinAsync(new() { SnapshotIds = [c.Snapshot] }).AsTask(), SnapNotFound, SnapNotFound),

        // EBS direct reads the caller's own snapshots only.
        // The EBS direct APIs read what EC2 lets the caller use; only the owner writes, and a snapshot being written is not shared.
        ["EbsDirectClient.ListChangedBlocksAsync"] = Usable(c => c.Direct.ListChangedBlocksAsync(new() { SecondSnapshotId = c.Snapshot }).AsTask(), RuleNotFound),
        ["EbsDirectClient.ListSnapshotBlocksAsync"] = Usable(c => c.Direct.ListSnapshotBlocksAsync(new() { SnapshotId = c.Snapshot }).AsTask(), RuleNotFound),
        ["EbsDirectClient.GetSnapshotBlockAsync"] = Usable(async c => await c.Direct.GetSnapshotBlockAsync(new() { SnapshotId = c.Snapshot, BlockIndex = 0, BlockToken = c.BlockToken }), RuleNotFound),
        ["EbsDirectClient.ReadSnapshotAsync"] = Usable(c => c.Direct.ReadSnapshotAsync(new() { SnapshotId = c.Snapshot, Offset = 0, Destination = new byte[TestCloud.BlockSize] }).AsTask(), RuleNotFound),
        ["EbsDirectClient.PutSnapshotBlockAsync"] = Unshareable(c => c.Direct.PutSnapshotBlockAsync(DirectBlock(c.Written)).AsTask(), RuleNotFound),
        ["EbsDirectClient.CompleteSnapshotAsync"] = Unshareable(c => c.Direct.CompleteSnapshotAsync(new() { SnapshotId = c.Written, ChangedBlocksCount = 0 }).AsTask(), RuleNotFound),
        ["EbsDirectClient.StartSnapshotAsync"] = Account(c => c.Direct.StartSnapshotAsync(new() { VolumeSize = 1 }).AsTask()),

        // Images: launchable and describable by whoever they are shared with; everything else is the owner's (AuthFailure).
        ["Ec2Client.DescribeImagesAsync"] = Usable(c => c.Ec2.DescribeImagesAsync(new() { ImageIds = [c.Image] }).AsTask(), AmiNotFound),
        ["Ec2Client.RunInstancesAsync"] = new(c => c.Ec2.LaunchAsync(c.Image), [null, null, null, AuthFailure], [AmiNotFound, AmiNotFound, AmiNotFound, AmiNotFound]),
        ["Ec2Client.DeregisterImageAsync"] = OwnerOnlyImage(c => c.Ec2.DeregisterImageAsync(new() { ImageId = c.Image }).AsTask()),
        ["Ec2Client.DisableImageAsync"] = OwnerOnlyImage(c => c.Ec2.DisableImageAsync(new() { ImageId = c.Image }).AsTask()),
        ["Ec2Client.EnableImageAsync"] = OwnerOnlyImage(c => c.Ec2.EnableImageAsync(new() { ImageId = c.Image }).AsTask(), EbsErrorCodes.IncorrectState),
        ["Ec2Client.EnableImageDeprecationAsync"] = OwnerOnlyImage(c => c.Ec2.EnableImageDeprecationAsync(new() { ImageId = c.Image, DeprecateAt = c.T.Time.GetUtcNow().AddDays(1) }).AsTask()),
        ["Ec2Client.DisableImageDeprecationAsync"] = OwnerOnlyImage(c => c.Ec2.DisableImageDeprecationAsync(new() { ImageId = c.Image }).AsTask()),
        ["Ec2Client.EnableImageDeregistrationProtectionAsync"] = OwnerOnlyImage(c => c.Ec2.EnableImageDeregistrationProtectionAsync(new() { ImageId = c.Image }).AsTask()),
        ["Ec2Client.DisableImageDeregistrationProtectionAsync"] = OwnerOnlyImage(c => c.Ec2.DisableImageDeregistrationProtectionAsync(new() { ImageId = c.Image }).AsTask()),
        ["Ec2Client.ModifyImageAttributeAsync"] = OwnerOnlyImage(c => c.Ec2.ShareAsync(c.Image, "555555555555").AsTask()),
        ["Ec2Client.DescribeImageAttributeAsync"] = OwnerOnlyImage(c => c.Ec2.DescribeImageAttributeAsync(new() { ImageId = c.Image, Attribute = ImageAttributeName.LaunchPermission }).AsTask()),
        ["Ec2Client.ResetImageAttributeAsync"] = OwnerOnlyImage(c => c.Ec2.ResetImageAttributeAsync(new() { ImageId = c.Image, Attribute = ImageAttributeName.LaunchPermission }).AsTask()),
        ["Ec2Client.RestoreImageFromRecycleBinAsync"] = Unshareable(c => c.Ec2.RestoreImageFromRecycleBinAsync(new() { ImageId = c.Image }).AsTask(), AmiNotFound, AmiNotFound),
        ["Ec2Client.ListImagesInRecycleBinAsync"] = Unshareable(c => c.Ec2.ListImagesInRecycleBinAsync(new() { ImageIds = [c.Image] }).AsTask(), AmiNotFound, AmiNotFound),

        // Volumes and instances are never shared.
        ["Ec2Client.DescribeVolumesAsync"] = Unshareable(c => c.Ec2.DescribeVolumesAsync(new() { VolumeIds = [c.Volume] }).AsTask(), VolNotFound),
        ["Ec2Client.DeleteVolumeAsync"] = Unshareable(c => c.Ec2.DeleteVolumeAsync(new() { VolumeId = c.Volume }).AsTask(), VolNotFound),
        ["Ec2Client.ModifyVolumeAsync"] = Unshareable(c => c.Ec2.ModifyVolumeAsync(new() { VolumeId = c.Volume, Size = 2 }).AsTask(), VolNotFound),
        ["Ec2Client.DescribeVolumesModificationsAsync"] = Unshareable(c => c.Ec2.DescribeVolumesModificationsAsync(new() { VolumeIds = [c.Volume] }).AsTask(), VolNotFound, EbsErrorCodes.InvalidVolumeModificationNotFound),
        ["Ec2Client.ReadVolumeAsync"] = Unshareable(c => c.Ec2.ReadVolumeAsync(new() { VolumeId = c.Volume, Offset = 0, Destination = new byte[TestCloud.BlockSize] }).AsTask(), VolNotFound),
        ["Ec2Client.WriteVolumeAsync"] = Unshareable(c => c.Ec2.WriteVolumeAsync(new() { VolumeId = c.Volume, Writes = [new VolumeWrite(0, TestCloud.Block(9))] }).AsTask(), VolNotFound),
        ["Ec2Client.OpenVolume"] = Unshareable(c => Task.FromResult(c.Ec2.OpenVolume(c.Volume)), VolNotFound),
        ["Ec2Client.CreateSnapshotAsync"] = Unshareable(c => c.Ec2.CreateSnapshotAsync(new() { VolumeId = c.Volume }).AsTask(), VolNotFound),
        ["Ec2Client.AttachVolumeAsync"] = Unshareable(c => c.Ec2.AttachVolumeAsync(new() { VolumeId = c.Volume, InstanceId = c.Instance, Device = "/dev/sdf" }).AsTask(), VolNotFound),
        ["Ec2Client.DetachVolumeAsync"] = Unshareable(c => c.Ec2.DetachVolumeAsync(new() { VolumeId = c.Volume }).AsTask(), VolNotFound, EbsErrorCodes.IncorrectState),
        ["Ec2Client.DescribeInstancesAsync"] = Unshareable(c => c.Ec2.DescribeInstancesAsync(new() { InstanceIds = [c.Instance] }).AsTask(), InstNotFound),
        ["Ec2Client.StopInstancesAsync"] = Unshareable(c => c.Ec2.StopInstancesAsync(new() { InstanceIds = [c.Instance] }).AsTask(), InstNotFound),
        ["Ec2Client.StartInstancesAsync"] = Unshareable(c => c.Ec2.StartInstancesAsync(new() { InstanceIds = [c.Instance] }).AsTask(), InstNotFound),
        ["Ec2Client.RebootInstancesAsync"] = Unshareable(c => c.Ec2.RebootInstancesAsync(new() { InstanceIds = [c.Instance] }).AsTask(), InstNotFound),
        ["Ec2Client.TerminateInstancesAsync"] = Unshareable(c => c.Ec2.TerminateInstancesAsync(new() { InstanceIds = [c.Instance] }).AsTask(), InstNotFound),
        ["Ec2Client.CreateImageAsync"] = Unshareable(c => c.Ec2.CreateImageAsync(new() { InstanceId = c.Instance, Name = "captured", NoReboot = true }).AsTask(), InstNotFound),
        ["Ec2Client.CreateSnapshotsAsync"] = Unshareable(c => c.Ec2.CreateSnapshotsAsync(new() { InstanceSpecification = new() { InstanceId = c.Instance } }).AsTask(), InstNotFound),

        // Recycle Bin rules are the account's, in their Region.
        ["RecycleBinClient.GetRuleAsync"] = Unshareable(c => c.Bin.GetRuleAsync(new() { Identifier = c.Rule }).AsTask(), RuleNotFound),
        ["RecycleBinClient.UpdateRuleAsync"] = Unshareable(c => c.Bin.UpdateRuleAsync(new() { Identifier = c.Rule, Description = "changed" }).AsTask(), RuleNotFound),
        ["RecycleBinClient.DeleteRuleAsync"] = Unshareable(c => c.Bin.DeleteRuleAsync(new() { Identifier = c.Rule }).AsTask(), RuleNotFound),
        ["RecycleBinClient.LockRuleAsync"] = Unshareable(c => c.Bin.LockRuleAsync(new() { Identifier = c.Rule, LockConfiguration = Rules.Lock(7) }).AsTask(), RuleNotFound, EbsErrorCodes.ConflictException),
        ["RecycleBinClient.UnlockRuleAsync"] = Unshareable(c => c.Bin.UnlockRuleAsync(new() { Identifier = c.Rule }).AsTask(), RuleNotFound, EbsErrorCodes.ConflictException),
        ["RecycleBinClient.TagResourceAsync"] = Unshareable(c => c.Bin.TagResourceAsync(new() { ResourceArn = c.RuleArn, Tags = [new Tag("k", "v")] }).AsTask(), RuleNotFound),
        ["RecycleBinClient.UntagResourceAsync"] = Unshareable(c => c.Bin.UntagResourceAsync(new() { ResourceArn = c.RuleArn, TagKeys = ["k"] }).AsTask(), RuleNotFound),
        ["RecycleBinClient.ListTagsForResourceAsync"] = Unshareable(c => c.Bin.ListTagsForResourceAsync(new() { ResourceArn = c.RuleArn }).AsTask(), RuleNotFound),

        // Lifecycle policies are never shared: their owner's alone, in their Region.
        ["DlmClient.GetLifecyclePolicyAsync"] = Unshareable(c => c.Dlm.GetLifecyclePolicyAsync(new() { PolicyId = c.Policy }).AsTask(), RuleNotFound),
        ["DlmClient.UpdateLifecyclePolicyAsync"] = Unshareable(c => c.Dlm.UpdateLifecyclePolicyAsync(new() { PolicyId = c.Policy, Description = "changed" }).AsTask(), RuleNotFound),
        ["DlmClient.DeleteLifecyclePolicyAsync"] = Unshareable(c => c.Dlm.DeleteLifecyclePolicyAsync(new() { PolicyId = c.Policy }).AsTask(), RuleNotFound),
        ["DlmClient.TagResourceAsync"] = Unshareable(c => c.Dlm.TagResourceAsync(new() { ResourceArn = c.PolicyArn, Tags = [new Tag("k", "v")] }).AsTask(), RuleNotFound),
        ["DlmClient.UntagResourceAsync"] = Unshareable(c => c.Dlm.UntagResourceAsync(new() { ResourceArn = c.PolicyArn, TagKeys = ["k"] }).AsTask(), RuleNotFound),
        ["DlmClient.ListTagsForResourceAsync"] = Unshareable(c => c.Dlm.ListTagsForResourceAsync(new() { ResourceArn = c.PolicyArn }).AsTask(), RuleNotFound),

        // KMS keys are their owner's (a grant lets another account use one, never manage it), in their Region.
        ["KmsClient.DescribeKeyAsync"] = Unshareable(c => c.Kms.DescribeKeyAsync(new() { KeyId = c.KeyArn }).AsTask(), KeyNotFound),
        ["KmsClient.EnableKeyAsync"] = Unshareable(c => c.Kms.EnableKeyAsync(new() { KeyId = c.KeyArn }).AsTask(), KeyNotFound),
        ["KmsClient.DisableKeyAsync"] = Unshareable(c => c.Kms.DisableKeyAsync(new() { KeyId = c.KeyArn }).AsTask(), KeyNotFound),
        ["KmsClient.ScheduleKeyDeletionAsync"] = Unshareable(c => c.Kms.ScheduleKeyDeletionAsync(new() { KeyId = c.KeyArn }).AsTask(), KeyNotFound),
        ["KmsClient.CancelKeyDeletionAsync"] = Unshareable(c => c.Kms.CancelKeyDeletionAsync(new() { KeyId = c.KeyArn }).AsTask(), KeyNotFound, EbsErrorCodes.KmsInvalidStateException),
        ["KmsClient.CreateGrantAsync"] = Unshareable(c => c.Kms.CreateGrantAsync(new() { KeyId = c.KeyArn, GranteePrincipal = Recipient, Operations = [GrantOperation.Decrypt] }).AsTask(), KeyNotFound),
        ["KmsClient.ListGrantsAsync"] = Unshareable(c => c.Kms.ListGrantsAsync(new() { KeyId = c.KeyArn }).AsTask(), KeyNotFound),
        ["KmsClient.RevokeGrantAsync"] = Unshareable(c => c.Kms.RevokeGrantAsync(new() { KeyId = c.KeyArn, GrantId = "0" }).AsTask(), KeyNotFound, EbsErrorCodes.InvalidGrantIdException),
        ["Ec2Client.ModifyEbsDefaultKmsKeyIdAsync"] = Unshareable(c => c.Ec2.ModifyEbsDefaultKmsKeyIdAsync(new() { KmsKeyId = c.KeyArn }).AsTask(), EbsErrorCodes.InvalidParameterValue),

        // AWS Backup vaults, plans, jobs and recovery points are their owner's, in their Region (names resolve in the caller's).
        ["BackupClient.DescribeBackupVaultAsync"] = Unshareable(c => c.Backup.DescribeBackupVaultAsync(new() { BackupVaultName = Vault }).AsTask(), RuleNotFound),
        ["BackupClient.DeleteBackupVaultAsync"] = Unshareable(c => c.Backup.DeleteBackupVaultAsync(new() { BackupVaultName = Vault }).AsTask(), RuleNotFound, EbsErrorCodes.InvalidRequestException),
        ["BackupClient.PutBackupVaultAccessPolicyAsync"] = Unshareable(c => c.Backup.PutBackupVaultAccessPolicyAsync(new() { BackupVaultName = Vault, Policy = "{}" }).AsTask(), RuleNotFound),
        ["BackupClient.GetBackupVaultAccessPolicyAsync"] = Unshareable(c => c.Backup.GetBackupVaultAccessPolicyAsync(new() { BackupVaultName = Vault }).AsTask(), RuleNotFound, RuleNotFound),
        ["BackupClient.DeleteBackupVaultAccessPolicyAsync"] = Unshareable(c => c.Backup.DeleteBackupVaultAccessPolicyAsync(new() { BackupVaultName = Vault }).AsTask(), RuleNotFound),
        ["BackupClient.PutBackupVaultLockConfigurationAsync"] = Unshareable(c => c.Backup.PutBackupVaultLockConfigurationAsync(new() { BackupVaultName = Vault, MinRetentionDays = 1 }).AsTask(), RuleNotFound),
        ["BackupClient.DeleteBackupVaultLockConfigurationAsync"] = Unshareable(c => c.Backup.DeleteBackupVaultLockConfigurationAsync(new() { BackupVaultName = Vault }).AsTask(), RuleNotFound),
        ["BackupClient.GetBackupPlanAsync"] = Unshareable(c => c.Backup.GetBackupPlanAsync(new() { BackupPlanId = c.Plan }).AsTask(), RuleNotFound),
        ["BackupClient.UpdateBackupPlanAsync"] = Unshareable(c => c.Backup.UpdateBackupPlanAsync(new() { BackupPlanId = c.Plan, BackupPlan = BackupPlan }).AsTask(), RuleNotFound),
        ["BackupClient.DeleteBackupPlanAsync"] = Unshareable(c => c.Backup.DeleteBackupPlanAsync(new() { BackupPlanId = c.Plan }).AsTask(), RuleNotFound, EbsErrorCodes.InvalidRequestException),
        ["BackupClient.CreateBackupSelectionAsync"] = Unshareable(c => c.Backup.CreateBackupSelectionAsync(new() { BackupPlanId = c.Plan, BackupSelection = new BackupSelection { SelectionName = "more", IamRoleArn = BackupRole, Resources = ValueList<string>.From(["*"]) } }).AsTask(), RuleNotFound),
        ["BackupClient.GetBackupSelectionAsync"] = Unshareable(c => c.Backup.GetBackupSelectionAsync(new() { BackupPlanId = c.Plan, SelectionId = c.Selection }).AsTask(), RuleNotFound),
        ["BackupClient.ListBackupSelectionsAsync"] = Unshareable(c => c.Backup.ListBackupSelectionsAsync(new() { BackupPlanId = c.Plan }).AsTask(), RuleNotFound),
        ["BackupClient.DeleteBackupSelectionAsync"] = Unshareable(c => c.Backup.DeleteBackupSelectionAsync(new() { BackupPlanId = c.Plan, SelectionId = c.Selection }).AsTask(), RuleNotFound),
        // Another account's (or Region's) volume or destination vault ARN is a bad parameter to AWS Backup.
        ["BackupClient.StartBackupJobAsync"] = new(c => c.Backup.StartBackupJobAsync(new() { BackupVaultName = Vault, ResourceArn = c.VolumeArn, IamRoleArn = BackupRole }).AsTask(), [null, BadBackupParameter, BadBackupParameter, BadBackupParameter], [BadBackupParameter, BadBackupParameter, BadBackupParameter, BadBackupParameter]),
        ["BackupClient.DescribeBackupJobAsync"] = Unshareable(c => c.Backup.DescribeBackupJobAsync(new() { BackupJobId = c.BackupJob }).AsTask(), RuleNotFound),
        // The case's job completed before the call: its owner may not stop it either.
        ["BackupClient.StopBackupJobAsync"] = Unshareable(c => c.Backup.StopBackupJobAsync(new() { BackupJobId = c.BackupJob }).AsTask(), RuleNotFound, EbsErrorCodes.InvalidRequestException),
        ["BackupClient.ListRecoveryPointsByBackupVaultAsync"] = Unshareable(c => c.Backup.ListRecoveryPointsByBackupVaultAsync(new() { BackupVaultName = Vault }).AsTask(), RuleNotFound),
        ["BackupClient.DescribeRecoveryPointAsync"] = Unshareable(c => c.Backup.DescribeRecoveryPointAsync(new() { BackupVaultName = Vault, RecoveryPointArn = c.Point }).AsTask(), RuleNotFound),
        ["BackupClient.DeleteRecoveryPointAsync"] = Unshareable(c => c.Backup.DeleteRecoveryPointAsync(new() { BackupVaultName = Vault, RecoveryPointArn = c.Point }).AsTask(), RuleNotFound),
        ["BackupClient.UpdateRecoveryPointLifecycleAsync"] = Unshareable(c => c.Backup.UpdateRecoveryPointLifecycleAsync(new() { BackupVaultName = Vault, RecoveryPointArn = c.Point }).AsTask(), RuleNotFound),
        ["BackupClient.StartRestoreJobAsync"] = Unshareable(c => c.Backup.StartRestoreJobAsync(new() { RecoveryPointArn = c.Point, Metadata = new Dictionary<string, string> { ["availabilityZone"] = c.Zone } }).AsTask(), RuleNotFound),
        ["BackupClient.DescribeRestoreJobAsync"] = Unshareable(c => c.Backup.DescribeRestoreJobAsync(new() { RestoreJobId = c.RestoreJob }).AsTask(), RuleNotFound),
        ["BackupClient.StartCopyJobAsync"] = new(c => c.Backup.StartCopyJobAsync(new() { RecoveryPointArn = c.Point, SourceBackupVaultName = Vault, DestinationBackupVaultArn = c.CopyVaultArn, IamRoleArn = BackupRole }).AsTask(), [null, BadBackupParameter, BadBackupParameter, BadBackupParameter], [RuleNotFound, BadBackupParameter, BadBackupParameter, BadBackupParameter]),
        ["BackupClient.DescribeCopyJobAsync"] = Unshareable(c => c.Backup.DescribeCopyJobAsync(new() { CopyJobId = c.CopyJob }).AsTask(), RuleNotFound),
        ["BackupClient.CreateBackupVaultAsync"] = Account(c => c.Backup.CreateBackupVaultAsync(new() { BackupVaultName = "another" }).AsTask()),
        ["BackupClient.ListBackupVaultsAsync"] = Account(c => c.Backup.ListBackupVaultsAsync(new()).AsTask()),
        ["BackupClient.CreateBackupPlanAsync"] = Account(c => c.Backup.CreateBackupPlanAsync(new() { BackupPlan = BackupPlan with { BackupPlanName = "another" } }).AsTask()),
        ["BackupClient.ListBackupPlansAsync"] = Account(c => c.Backup.ListBackupPlansAsync(new()).AsTask()),
        ["BackupClient.ListBackupJobsAsync"] = Account(c => c.Backup.ListBackupJobsAsync(new()).AsTask()),
        ["BackupClient.ListRestoreJobsAsync"] = Account(c => c.Backup.ListRestoreJobsAsync(new()).AsTask()),
        ["BackupClient.ListCopyJobsAsync"] = Account(c => c.Backup.ListCopyJobsAsync(new()).AsTask()),

        // The caller's own account and Region: nothing of another account's is named.
        ["KmsClient.CreateKeyAsync"] = Account(c => c.Kms.CreateKeyAsync(new()).AsTask()),
        ["KmsClient.ListKeysAsync"] = Account(c => c.Kms.ListKeysAsync(new()).AsTask()),
        ["KmsClient.ListAliasesAsync"] = Account(c => c.Kms.ListAliasesAsync(new()).AsTask()),
        ["Ec2Client.EnableEbsEncryptionByDefaultAsync"] = Account(c => c.Ec2.EnableEbsEncryptionByDefaultAsync(new()).AsTask()),
        ["Ec2Client.DisableEbsEncryptionByDefaultAsync"] = Account(c => c.Ec2.DisableEbsEncryptionByDefaultAsync(new()).AsTask()),
        ["Ec2Client.GetEbsEncryptionByDefaultAsync"] = Account(c => c.Ec2.GetEbsEncryptionByDefaultAsync(new()).AsTask()),
        ["Ec2Client.GetEbsDefaultKmsKeyIdAsync"] = Account(c => c.Ec2.GetEbsDefaultKmsKeyIdAsync(new()).AsTask()),
        ["Ec2Client.ResetEbsDefaultKmsKeyIdAsync"] = Account(c => c.Ec2.ResetEbsDefaultKmsKeyIdAsync(new()).AsTask()),
        ["DlmClient.CreateLifecyclePolicyAsync"] = Account(c => c.Dlm.CreateLifecyclePolicyAsync(Policies.Daily(3) with { ExecutionRoleArn = $"arn:aws:iam::{c.Caller}:role/AWSDataLifecycleManagerDefaultRole" }).AsTask()),
        ["DlmClient.GetLifecyclePoliciesAsync"] = Account(c => c.Dlm.GetLifecyclePoliciesAsync(new()).AsTask()),
        ["RecycleBinClient.CreateRuleAsync"] = Account(c => c.Bin.CreateRuleAsync(new() { ResourceType = RecycleBinResourceType.EbsSnapshot, RetentionPeriod = new() { RetentionPeriodValue = 1 } }).AsTask()),
        ["RecycleBinClient.ListRulesAsync"] = Account(c => c.Bin.ListRulesAsync(new() { ResourceType = RecycleBinResourceType.EbsSnapshot }).AsTask()),
        ["Ec2Client.GetStorageUsageAsync"] = Account(c => c.Ec2.GetStorageUsageAsync(new()).AsTask()),
        ["Ec2Client.DescribeSnapshotTierStatusAsync"] = Account(c => c.Ec2.DescribeSnapshotTierStatusAsync(new()).AsTask()),
        ["Ec2Client.DescribeFastSnapshotRestoresAsync"] = Account(c => c.Ec2.DescribeFastSnapshotRestoresAsync(new()).AsTask()),
        ["Ec2Client.ImportVolumeAsync"] = Account(c => c.Ec2.ImportVolumeAsync(new() { Source = new MemoryStream(TestCloud.Block(3)), AvailabilityZone = c.Zone }).AsTask()),
        ["Ec2Client.EnableSnapshotBlockPublicAccessAsync"] = Account(c => c.Ec2.EnableSnapshotBlockPublicAccessAsync(new() { State = SnapshotBlockPublicAccessState.BlockNewSharing }).AsTask()),
        ["Ec2Client.DisableSnapshotBlockPublicAccessAsync"] = Account(c => c.Ec2.DisableSnapshotBlockPublicAccessAsync(new()).AsTask()),
        ["Ec2Client.GetSnapshotBlockPublicAccessStateAsync"] = Account(c => c.Ec2.GetSnapshotBlockPublicAccessStateAsync(new()).AsTask()),
        ["Ec2Client.EnableImageBlockPublicAccessAsync"] = Account(c => c.Ec2.EnableImageBlockPublicAccessAsync(new() { ImageBlockPublicAccessState = ImageBlockPublicAccessState.BlockNewSharing }).AsTask()),
        ["Ec2Client.DisableImageBlockPublicAccessAsync"] = Account(c => c.Ec2.DisableImageBlockPublicAccessAsync(new()).AsTask()),
        ["Ec2Client.GetImageBlockPublicAccessStateAsync"] = Account(c => c.Ec2.GetImageBlockPublicAccessStateAsync(new()).AsTask()),
        ["BillingClient.GetCostAndUsageAsync"] = Account(c => c.Billing.GetCostAndUsageAsync(new() { TimePeriod = new() { Start = DateTimeOffset.UnixEpoch, End = c.T.Time.GetUtcNow() } }).AsTask()),
    };

    /// <summary>Block 0 of a snapshot being written through the EBS direct APIs: zeros with their checksum.</summary>
    private static PutSnapshotBlockRequest DirectBlock(SnapshotId snapshot)
    {
        var data = new byte[TestCloud.BlockSize];
        return new() { SnapshotId = snapshot, BlockIndex = 0, BlockData = new MemoryStream(data), DataLength = data.Length, Checksum = Convert.ToBase64String(System.Security.Cryptography.SHA256.HashData(data)) };
    }

    public static TheoryData<string> Operations() => [.. FacadeOperations()];

    [Fact]
    public void Every_facade_operation_has_a_row()
        => Assert.All(FacadeOperations(), op => Assert.True(Rows.ContainsKey(op), $"{op} has no row: say what each role may do."));

    [Theory]
    [MemberData(nameof(Operations))]
    public async Task Each_role_in_each_region_gets_what_AWS_gives_and_a_refusal_changes_nothing(string operation)
    {
        var row = Rows[operation];
        var failures = new List<string>();
        foreach (var role in Enum.GetValues<Role>())
        {
            foreach (var otherRegion in new[] { false, true })
            {
                await using var c = await Case.CreateAsync(role, otherRegion);
                var expected = (otherRegion ? row.OtherRegion : row.SameRegion)[(int)role];
                var where = $"{role} in {(otherRegion ? "another Region" : "the Region")}";
                if (expected is null)
                {
                    try
                    {
                        await row.Call(c);
                    }
                    catch (EbsException e)
                    {
                        failures.Add($"{where}: expected success, got {e.ErrorCode} ({e.Message})");
                    }
                }
                else
                {
                    try
                    {
                        await StateFingerprint.AssertUnchangedAsync(c.T.Cloud, () => row.Call(c), expected);
                    }
                    catch (Exception e) when (e is Xunit.Sdk.XunitException)
                    {
                        failures.Add($"{where}: expected {expected} and no change: {e.Message.ReplaceLineEndings(" ")}");
                    }
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    private static IEnumerable<string> FacadeOperations()
        => typeof(Ec2Client).Assembly.GetExportedTypes()
            .Where(t => t.IsClass && t.Name.EndsWith("Client", StringComparison.Ordinal))
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly))
            .Where(m => !m.IsSpecialName)
            .Select(m => $"{m.DeclaringType!.Name}.{m.Name}")
            .Distinct()
            .Order(StringComparer.Ordinal);

    /// <summary>Runs a Fast Snapshot Restore call and throws the code of its first unsuccessful item, as the other calls throw.</summary>
    private static async Task FsrAsync<T>(Task<T> call, Func<T, ValueList<FastSnapshotRestoreErrorItem>> unsuccessful)
    {
        if (unsuccessful(await call).FirstOrDefault() is { } item)
        {
            var error = item.FastSnapshotRestoreStateErrors[0].Error;
            throw new EbsException(error.Code, error.Message, item.SnapshotId.Value);
        }
    }

    /// <summary>
    /// The owner's resources in us-east-1: a volume, a completed snapshot of it, an image (of other snapshots), a running
    /// instance of it, a Recycle Bin rule; the snapshot and image shared with the recipient (Shared) or public (Public);
    /// and the caller's facades for <see cref="Role"/> in us-east-1 or us-west-2.
    /// </summary>
    private sealed class Case : IAsyncDisposable
    {
        private Case(TestCloud t) => T = t;

        public TestCloud T { get; }

        public string Caller { get; private set; } = Owner;

        public string Region { get; private set; } = TestCloud.Region;

        public string Zone => T.Cloud.Regions[Region][0];

        public VolumeId Volume { get; private set; }

        public SnapshotId Snapshot { get; private set; }

        public ImageId Image { get; private set; }

        public InstanceId Instance { get; private set; }

        public string Rule { get; private set; } = string.Empty;

        public string RuleArn { get; private set; } = string.Empty;

        public string Policy { get; private set; } = string.Empty;

        public string KeyArn { get; private set; } = string.Empty;

        /// <summary>Gets a token of block 0 of <see cref="Snapshot"/>, listed by its owner.</summary>
        public string BlockToken { get; private set; } = string.Empty;

        /// <summary>Gets a snapshot its owner is writing through the EBS direct APIs.</summary>
        public SnapshotId Written { get; private set; }

        public string VolumeArn => $"arn:aws:ec2:{TestCloud.Region}:{Owner}:volume/{Volume}";

        public string Plan { get; private set; } = string.Empty;

        public string Selection { get; private set; } = string.Empty;

        public string BackupJob { get; private set; } = string.Empty;

        public string Point { get; private set; } = string.Empty;

        public string RestoreJob { get; private set; } = string.Empty;

        public string CopyJob { get; private set; } = string.Empty;

        public string CopyVaultArn => $"arn:aws:backup:{OtherRegion}:{Owner}:backup-vault:{CopyVault}";

        public string PolicyArn { get; private set; } = string.Empty;

        public Ec2Client Ec2 => T.Cloud.Account(Caller).Ec2(Region);

        public RecycleBinClient Bin => T.Cloud.Account(Caller).RecycleBin(Region);

        public EbsDirectClient Direct => T.Cloud.Account(Caller).EbsDirect(Region);

        public BillingClient Billing => T.Cloud.Account(Caller).Billing();

        public DlmClient Dlm => T.Cloud.Account(Caller).Dlm(Region);

        public KmsClient Kms => T.Cloud.Account(Caller).Kms(Region);

        public BackupClient Backup => T.Cloud.Account(Caller).Backup(Region);

        public static async Task<Case> CreateAsync(Role role, bool otherRegion)
        {
            var c = new Case(new TestCloud());
            var t = c.T;
            var volume = await t.CreateVolumeAsync();
            await t.WriteBlocksAsync(volume.VolumeId, [0, 1], seedBase: 10);
            c.Volume = volume.VolumeId;
            c.Snapshot = (await t.Ec2.TakeSnapshotAsync(volume.VolumeId)).SnapshotId;
            c.Image = await t.RegisterImageAsync();
            c.Instance = (await t.LaunchAsync(c.Image)).InstanceId;
            var direct = t.Cloud.Account(Owner).EbsDirect(TestCloud.Region);
            c.Written = (await direct.StartSnapshotAsync(new() { VolumeSize = 1 })).SnapshotId;
            var backup = t.Cloud.Account(Owner).Backup(TestCloud.Region);
            await backup.CreateBackupVaultAsync(new() { BackupVaultName = Vault });
            await t.Cloud.Account(Owner).Backup(OtherRegion).CreateBackupVaultAsync(new() { BackupVaultName = CopyVault });
            c.Plan = (await backup.CreateBackupPlanAsync(new() { BackupPlan = BackupPlan })).BackupPlanId;
            c.Selection = (await backup.CreateBackupSelectionAsync(new() { BackupPlanId = c.Plan, BackupSelection = new BackupSelection { SelectionName = "all", IamRoleArn = BackupRole, Resources = ValueList<string>.From(["*"]) } })).SelectionId;
            c.BackupJob = (await backup.StartBackupJobAsync(new() { BackupVaultName = Vault, ResourceArn = c.VolumeArn, IamRoleArn = BackupRole })).BackupJobId;
            t.Time.Advance(TimeSpan.FromMinutes(1));
            c.Point = (await backup.DescribeBackupJobAsync(new() { BackupJobId = c.BackupJob })).RecoveryPointArn!;
            c.RestoreJob = (await backup.StartRestoreJobAsync(new() { RecoveryPointArn = c.Point, Metadata = new Dictionary<string, string> { ["availabilityZone"] = c.Zone } })).RestoreJobId;
            c.CopyJob = (await backup.StartCopyJobAsync(new() { RecoveryPointArn = c.Point, SourceBackupVaultName = Vault, DestinationBackupVaultArn = c.CopyVaultArn, IamRoleArn = BackupRole })).CopyJobId;
            c.BlockToken = (await direct.ListSnapshotBlocksAsync(new() { SnapshotId = c.Snapshot })).Blocks[0].BlockToken;
            var rule = await t.CreateRuleAsync(1, resourceTags: [Rules.Tag("keep", "yes")]);
            c.Rule = rule.Identifier;
            c.RuleArn = rule.RuleArn;
            c.Policy = (await t.Cloud.Account(Owner).Dlm(TestCloud.Region).CreateLifecyclePolicyAsync(Policies.Daily(3))).PolicyId;
            c.PolicyArn = $"arn:aws:dlm:{TestCloud.Region}:{Owner}:policy/{c.Policy}";
            c.KeyArn = (await t.Cloud.Account(Owner).Kms(TestCloud.Region).CreateKeyAsync(new())).KeyMetadata.Arn;
            var grantee = role switch { Role.Shared => Recipient, Role.Public => "all", _ => null };
            if (grantee is not null)
            {
                await t.Ec2.ShareAsync(c.Snapshot, grantee);
                await t.Ec2.ShareAsync(c.Image, grantee);
            }

            c.Caller = role switch { Role.Owner => Owner, Role.Shared => Recipient, Role.Public => Anyone, _ => Stranger };
            c.Region = otherRegion ? OtherRegion : TestCloud.Region;
            return c;
        }

        public ValueTask DisposeAsync() => T.DisposeAsync();
    }
}
