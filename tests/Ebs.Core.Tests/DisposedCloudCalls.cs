using System.Reflection;
using System.Runtime.CompilerServices;
using Ebs.Core.Domain;
using Ebs.Core.Services;

namespace Ebs.Core.Tests;

/// <summary>
/// Calls every public async method of the cloud and of every facade an account hands out,
/// after disposing the cloud, with arguments that pass each method's own checks, and reports
/// any call that does not throw <see cref="ObjectDisposedException"/> for <see cref="EbsCloud"/>.
/// </summary>
public static class DisposedCloudCalls
{
    private const string Rule = "abcdefghijk";
    private const string RuleArn = $"arn:aws:rbin:{TestCloud.Region}:{TestCloud.Account}:rule/{Rule}";
    private const string Vault = "vault";
    private const string Uuid = "01234567-0123-0123-0123-0123456789ab";
    private const string Role = "arn:aws:iam::111111111111:role/backup";
    private const string VolumeArn = $"arn:aws:ec2:{TestCloud.Region}:{TestCloud.Account}:volume/vol-0123456789abcdef0";
    private const string PointArn = $"arn:aws:ec2:{TestCloud.Region}::snapshot/snap-0123456789abcdef0";
    private static readonly BackupPlanInput Plan = new() { BackupPlanName = "plan", Rules = [new BackupRuleInput { RuleName = "daily", TargetBackupVaultName = Vault }] };
    private static readonly byte[] Bytes = new byte[4096];
    private static readonly VolumeId Volume = VolumeId.Parse("vol-0123456789abcdef0");
    private static readonly SnapshotId Snapshot = SnapshotId.Parse("snap-0123456789abcdef0");
    private static readonly InstanceId Instance = InstanceId.Parse("i-0123456789abcdef0");
    private const string KeyId = "1234abcd-12ab-34cd-56ef-1234567890ab";

    /// <summary>Arguments by parameter type: well-formed values, so that only the disposal can refuse the call.</summary>
    private static readonly Dictionary<Type, Func<object>> Arguments = new()
    {
        [typeof(string)] = () => TestCloud.Region,
        [typeof(bool)] = () => false,
        [typeof(long)] = () => 0L,
        [typeof(VolumeId)] = () => VolumeId.Parse("vol-0123456789abcdef0"),
        [typeof(SnapshotId)] = () => SnapshotId.Parse("snap-0123456789abcdef0"),
        [typeof(ImageId)] = () => ImageId.Parse("ami-0123456789abcdef0"),
        [typeof(Memory<byte>)] = () => new Memory<byte>(new byte[Bytes.Length]),
        [typeof(ReadOnlyMemory<byte>)] = () => new ReadOnlyMemory<byte>(Bytes),
        [typeof(IReadOnlyList<VolumeWrite>)] = () => new[] { new VolumeWrite(0, Bytes) },
        [typeof(IEnumerable<string>)] = () => new[] { "vol-0123456789abcdef0" },
        [typeof(IReadOnlyDictionary<string, string>)] = () => new Dictionary<string, string> { ["k"] = "v" },
        [typeof(CreateVolumeRequest)] = () => new CreateVolumeRequest { AvailabilityZone = "us-east-1a", Size = 1 },
        [typeof(DescribeVolumesRequest)] = () => new DescribeVolumesRequest(),
        [typeof(DeleteVolumeRequest)] = () => new DeleteVolumeRequest { VolumeId = Volume },
        [typeof(ModifyVolumeRequest)] = () => new ModifyVolumeRequest { VolumeId = Volume, Size = 2 },
        [typeof(DescribeVolumesModificationsRequest)] = () => new DescribeVolumesModificationsRequest(),
        [typeof(ImportVolumeRequest)] = () => new ImportVolumeRequest { Source = new MemoryStream(Bytes), AvailabilityZone = "us-east-1a" },
        [typeof(ReadVolumeRequest)] = () => new ReadVolumeRequest { VolumeId = Volume, Offset = 0, Destination = new byte[Bytes.Length] },
        [typeof(WriteVolumeRequest)] = () => new WriteVolumeRequest { VolumeId = Volume, Writes = [new VolumeWrite(0, Bytes)] },
        [typeof(CreateSnapshotRequest)] = () => new CreateSnapshotRequest { VolumeId = Volume },
        [typeof(DescribeSnapshotsRequest)] = () => new DescribeSnapshotsRequest(),
        [typeof(DeleteSnapshotRequest)] = () => new DeleteSnapshotRequest { SnapshotId = Snapshot },
        [typeof(CopySnapshotRequest)] = () => new CopySnapshotRequest { SourceRegion = TestCloud.Region, SourceSnapshotId = Snapshot },
        [typeof(GetSnapshotStorageRequest)] = () => new GetSnapshotStorageRequest { SnapshotId = Snapshot },
        [typeof(GetStorageUsageRequest)] = () => new GetStorageUsageRequest(),
        [typeof(CreateTagsRequest)] = () => new CreateTagsRequest { Resources = [Volume], Tags = [new Tag("k", "v")] },
        [typeof(DeleteTagsRequest)] = () => new DeleteTagsRequest { Resources = [Volume] },
        [typeof(RegisterImageRequest)] = () => new RegisterImageRequest
        {
            Name = "image",
            RootDeviceName = "/dev/xvda",
            BlockDeviceMappings = [new BlockDeviceMapping { DeviceName = "/dev/xvda", Ebs = new EbsBlockDevice { SnapshotId = Snapshot } }],
        },
        [typeof(DescribeImagesRequest)] = () => new DescribeImagesRequest(),
        [typeof(DeregisterImageRequest)] = () => new DeregisterImageRequest { ImageId = ImageId.Parse("ami-0123456789abcdef0") },
        [typeof(DisableImageRequest)] = () => new DisableImageRequest { ImageId = ImageId.Parse("ami-0123456789abcdef0") },
        [typeof(EnableImageRequest)] = () => new EnableImageRequest { ImageId = ImageId.Parse("ami-0123456789abcdef0") },
        [typeof(EnableImageDeprecationRequest)] = () => new EnableImageDeprecationRequest { ImageId = ImageId.Parse("ami-0123456789abcdef0"), DeprecateAt = DateTimeOffset.UnixEpoch },
        [typeof(DisableImageDeprecationRequest)] = () => new DisableImageDeprecationRequest { ImageId = ImageId.Parse("ami-0123456789abcdef0") },
        [typeof(EnableImageDeregistrationProtectionRequest)] = () => new EnableImageDeregistrationProtectionRequest { ImageId = ImageId.Parse("ami-0123456789abcdef0") },
        [typeof(DisableImageDeregistrationProtectionRequest)] = () => new DisableImageDeregistrationProtectionRequest { ImageId = ImageId.Parse("ami-0123456789abcdef0") },
        [typeof(ModifySnapshotAttributeRequest)] = () => new ModifySnapshotAttributeRequest { SnapshotId = Snapshot, OperationType = OperationType.Add, UserIds = ["222222222222"] },
        [typeof(DescribeSnapshotAttributeRequest)] = () => new DescribeSnapshotAttributeRequest { SnapshotId = Snapshot, Attribute = SnapshotAttributeName.CreateVolumePermission },
        [typeof(ResetSnapshotAttributeRequest)] = () => new ResetSnapshotAttributeRequest { SnapshotId = Snapshot, Attribute = SnapshotAttributeName.CreateVolumePermission },
        [typeof(ModifyImageAttributeRequest)] = () => new ModifyImageAttributeRequest { ImageId = ImageId.Parse("ami-0123456789abcdef0"), OperationType = OperationType.Add, UserIds = ["222222222222"] },
        [typeof(DescribeImageAttributeRequest)] = () => new DescribeImageAttributeRequest { ImageId = ImageId.Parse("ami-0123456789abcdef0"), Attribute = ImageAttributeName.LaunchPermission },
        [typeof(ResetImageAttributeRequest)] = () => new ResetImageAttributeRequest { ImageId = ImageId.Parse("ami-0123456789abcdef0"), Attribute = ImageAttributeName.LaunchPermission },
        [typeof(EnableSnapshotBlockPublicAccessRequest)] = () => new EnableSnapshotBlockPublicAccessRequest { State = SnapshotBlockPublicAccessState.BlockNewSharing },
        [typeof(DisableSnapshotBlockPublicAccessRequest)] = () => new DisableSnapshotBlockPublicAccessRequest(),
        [typeof(GetSnapshotBlockPublicAccessStateRequest)] = () => new GetSnapshotBlockPublicAccessStateRequest(),
        [typeof(EnableImageBlockPublicAccessRequest)] = () => new EnableImageBlockPublicAccessRequest { ImageBlockPublicAccessState = ImageBlockPublicAccessState.BlockNewSharing },
        [typeof(DisableImageBlockPublicAccessRequest)] = () => new DisableImageBlockPublicAccessRequest(),
        [typeof(GetImageBlockPublicAccessStateRequest)] = () => new GetImageBlockPublicAccessStateRequest(),
        [typeof(EnableFastSnapshotRestoresRequest)] = () => new EnableFastSnapshotRestoresRequest { AvailabilityZones = ["us-east-1a"], SourceSnapshotIds = [Snapshot] },
        [typeof(DisableFastSnapshotRestoresRequest)] = () => new DisableFastSnapshotRestoresRequest { AvailabilityZones = ["us-east-1a"], SourceSnapshotIds = [Snapshot] },
        [typeof(DescribeFastSnapshotRestoresRequest)] = () => new DescribeFastSnapshotRestoresRequest(),
        [typeof(WaiterOptions)] = () => new WaiterOptions(),
        [typeof(GetCostAndUsageRequest)] = () => new GetCostAndUsageRequest { TimePeriod = new() { Start = DateTimeOffset.UnixEpoch, End = DateTimeOffset.UnixEpoch.AddDays(1) } },
        [typeof(ModifySnapshotTierRequest)] = () => new ModifySnapshotTierRequest { SnapshotId = Snapshot },
        [typeof(RestoreSnapshotTierRequest)] = () => new RestoreSnapshotTierRequest { SnapshotId = Snapshot },
        [typeof(DescribeSnapshotTierStatusRequest)] = () => new DescribeSnapshotTierStatusRequest(),
        [typeof(ListSnapshotsInRecycleBinRequest)] = () => new ListSnapshotsInRecycleBinRequest(),
        [typeof(RestoreSnapshotFromRecycleBinRequest)] = () => new RestoreSnapshotFromRecycleBinRequest { SnapshotId = Snapshot },
        [typeof(ListImagesInRecycleBinRequest)] = () => new ListImagesInRecycleBinRequest(),
        [typeof(RestoreImageFromRecycleBinRequest)] = () => new RestoreImageFromRecycleBinRequest { ImageId = ImageId.Parse("ami-0123456789abcdef0") },
        [typeof(CreateRuleRequest)] = () => new CreateRuleRequest { ResourceType = RecycleBinResourceType.EbsSnapshot, RetentionPeriod = new RetentionPeriod { RetentionPeriodValue = 1 } },
        [typeof(GetRuleRequest)] = () => new GetRuleRequest { Identifier = Rule },
        [typeof(ListRulesRequest)] = () => new ListRulesRequest { ResourceType = RecycleBinResourceType.EbsSnapshot },
        [typeof(UpdateRuleRequest)] = () => new UpdateRuleRequest { Identifier = Rule },
        [typeof(DeleteRuleRequest)] = () => new DeleteRuleRequest { Identifier = Rule },
        [typeof(LockRuleRequest)] = () => new LockRuleRequest { Identifier = Rule, LockConfiguration = new LockConfiguration { UnlockDelay = new UnlockDelay { UnlockDelayValue = 7 } } },
        [typeof(UnlockRuleRequest)] = () => new UnlockRuleRequest { Identifier = Rule },
        [typeof(TagResourceRequest)] = () => new TagResourceRequest { ResourceArn = RuleArn, Tags = [new Tag("k", "v")] },
        [typeof(UntagResourceRequest)] = () => new UntagResourceRequest { ResourceArn = RuleArn, TagKeys = ["k"] },
        [typeof(ListTagsForResourceRequest)] = () => new ListTagsForResourceRequest { ResourceArn = RuleArn },
        [typeof(RunInstancesRequest)] = () => new RunInstancesRequest { ImageId = ImageId.Parse("ami-0123456789abcdef0"), MinCount = 1, MaxCount = 1 },
        [typeof(DescribeInstancesRequest)] = () => new DescribeInstancesRequest(),
        [typeof(StopInstancesRequest)] = () => new StopInstancesRequest { InstanceIds = [Instance] },
        [typeof(StartInstancesRequest)] = () => new StartInstancesRequest { InstanceIds = [Instance] },
        [typeof(RebootInstancesRequest)] = () => new RebootInstancesRequest { InstanceIds = [Instance] },
        [typeof(TerminateInstancesRequest)] = () => new TerminateInstancesRequest { InstanceIds = [Instance] },
        [typeof(AttachVolumeRequest)] = () => new AttachVolumeRequest { Device = "/dev/sdf", InstanceId = Instance, VolumeId = Volume },
        [typeof(DetachVolumeRequest)] = () => new DetachVolumeRequest { VolumeId = Volume },
        [typeof(CreateImageRequest)] = () => new CreateImageRequest { InstanceId = Instance, Name = "image" },
        [typeof(CopyImageRequest)] = () => new CopyImageRequest { SourceRegion = "us-east-1", SourceImageId = ImageId.Parse("ami-0123456789abcdef0"), Name = "copy" },
        [typeof(CreateSnapshotsRequest)] = () => new CreateSnapshotsRequest { InstanceSpecification = new InstanceSpecification { InstanceId = Instance } },
        [typeof(CreateLifecyclePolicyRequest)] = () => Dlm.Policies.Daily(1),
        [typeof(GetLifecyclePolicyRequest)] = () => new GetLifecyclePolicyRequest { PolicyId = "policy-0123456789abcdef0" },
        [typeof(GetLifecyclePoliciesRequest)] = () => new GetLifecyclePoliciesRequest(),
        [typeof(UpdateLifecyclePolicyRequest)] = () => new UpdateLifecyclePolicyRequest { PolicyId = "policy-0123456789abcdef0" },
        [typeof(DeleteLifecyclePolicyRequest)] = () => new DeleteLifecyclePolicyRequest { PolicyId = "policy-0123456789abcdef0" },
        [typeof(CreateKeyRequest)] = () => new CreateKeyRequest(),
        [typeof(DescribeKeyRequest)] = () => new DescribeKeyRequest { KeyId = KeyId },
        [typeof(ListKeysRequest)] = () => new ListKeysRequest(),
        [typeof(ListAliasesRequest)] = () => new ListAliasesRequest(),
        [typeof(EnableKeyRequest)] = () => new EnableKeyRequest { KeyId = KeyId },
        [typeof(DisableKeyRequest)] = () => new DisableKeyRequest { KeyId = KeyId },
        [typeof(ScheduleKeyDeletionRequest)] = () => new ScheduleKeyDeletionRequest { KeyId = KeyId },
        [typeof(CancelKeyDeletionRequest)] = () => new CancelKeyDeletionRequest { KeyId = KeyId },
        [typeof(CreateGrantRequest)] = () => new CreateGrantRequest { KeyId = KeyId, GranteePrincipal = "222222222222", Operations = [GrantOperation.Decrypt] },
        [typeof(ListGrantsRequest)] = () => new ListGrantsRequest { KeyId = KeyId },
        [typeof(RevokeGrantRequest)] = () => new RevokeGrantRequest { KeyId = KeyId, GrantId = "0" },
        [typeof(EnableEbsEncryptionByDefaultRequest)] = () => new EnableEbsEncryptionByDefaultRequest(),
        [typeof(DisableEbsEncryptionByDefaultRequest)] = () => new DisableEbsEncryptionByDefaultRequest(),
        [typeof(GetEbsEncryptionByDefaultRequest)] = () => new GetEbsEncryptionByDefaultRequest(),
        [typeof(GetEbsDefaultKmsKeyIdRequest)] = () => new GetEbsDefaultKmsKeyIdRequest(),
        [typeof(ModifyEbsDefaultKmsKeyIdRequest)] = () => new ModifyEbsDefaultKmsKeyIdRequest { KmsKeyId = KeyId },
        [typeof(ResetEbsDefaultKmsKeyIdRequest)] = () => new ResetEbsDefaultKmsKeyIdRequest(),
        [typeof(CreateBackupVaultRequest)] = () => new CreateBackupVaultRequest { BackupVaultName = Vault },
        [typeof(DescribeBackupVaultRequest)] = () => new DescribeBackupVaultRequest { BackupVaultName = Vault },
        [typeof(ListBackupVaultsRequest)] = () => new ListBackupVaultsRequest(),
        [typeof(DeleteBackupVaultRequest)] = () => new DeleteBackupVaultRequest { BackupVaultName = Vault },
        [typeof(PutBackupVaultAccessPolicyRequest)] = () => new PutBackupVaultAccessPolicyRequest { BackupVaultName = Vault, Policy = "{}" },
        [typeof(GetBackupVaultAccessPolicyRequest)] = () => new GetBackupVaultAccessPolicyRequest { BackupVaultName = Vault },
        [typeof(DeleteBackupVaultAccessPolicyRequest)] = () => new DeleteBackupVaultAccessPolicyRequest { BackupVaultName = Vault },
        [typeof(PutBackupVaultLockConfigurationRequest)] = () => new PutBackupVaultLockConfigurationRequest { BackupVaultName = Vault, MinRetentionDays = 1 },
        [typeof(DeleteBackupVaultLockConfigurationRequest)] = () => new DeleteBackupVaultLockConfigurationRequest { BackupVaultName = Vault },
        [typeof(CreateBackupPlanRequest)] = () => new CreateBackupPlanRequest { BackupPlan = Plan },
        [typeof(GetBackupPlanRequest)] = () => new GetBackupPlanRequest { BackupPlanId = Uuid },
        [typeof(ListBackupPlansRequest)] = () => new ListBackupPlansRequest(),
        [typeof(UpdateBackupPlanRequest)] = () => new UpdateBackupPlanRequest { BackupPlanId = Uuid, BackupPlan = Plan },
        [typeof(DeleteBackupPlanRequest)] = () => new DeleteBackupPlanRequest { BackupPlanId = Uuid },
        [typeof(CreateBackupSelectionRequest)] = () => new CreateBackupSelectionRequest { BackupPlanId = Uuid, BackupSelection = new BackupSelection { SelectionName = "s", IamRoleArn = Role, Resources = ValueList<string>.From(["*"]) } },
        [typeof(GetBackupSelectionRequest)] = () => new GetBackupSelectionRequest { BackupPlanId = Uuid, SelectionId = Uuid },
        [typeof(ListBackupSelectionsRequest)] = () => new ListBackupSelectionsRequest { BackupPlanId = Uuid },
        [typeof(DeleteBackupSelectionRequest)] = () => new DeleteBackupSelectionRequest { BackupPlanId = Uuid, SelectionId = Uuid },
        [typeof(StartBackupJobRequest)] = () => new StartBackupJobRequest { BackupVaultName = Vault, ResourceArn = VolumeArn, IamRoleArn = Role },
        [typeof(DescribeBackupJobRequest)] = () => new DescribeBackupJobRequest { BackupJobId = Uuid },
        [typeof(ListBackupJobsRequest)] = () => new ListBackupJobsRequest(),
        [typeof(StopBackupJobRequest)] = () => new StopBackupJobRequest { BackupJobId = Uuid },
        [typeof(ListRestoreJobsRequest)] = () => new ListRestoreJobsRequest(),
        [typeof(ListCopyJobsRequest)] = () => new ListCopyJobsRequest(),
        [typeof(ListRecoveryPointsByBackupVaultRequest)] = () => new ListRecoveryPointsByBackupVaultRequest { BackupVaultName = Vault },
        [typeof(DescribeRecoveryPointRequest)] = () => new DescribeRecoveryPointRequest { BackupVaultName = Vault, RecoveryPointArn = PointArn },
        [typeof(DeleteRecoveryPointRequest)] = () => new DeleteRecoveryPointRequest { BackupVaultName = Vault, RecoveryPointArn = PointArn },
        [typeof(UpdateRecoveryPointLifecycleRequest)] = () => new UpdateRecoveryPointLifecycleRequest { BackupVaultName = Vault, RecoveryPointArn = PointArn },
        [typeof(StartRestoreJobRequest)] = () => new StartRestoreJobRequest { RecoveryPointArn = PointArn, Metadata = new Dictionary<string, string> { ["availabilityZone"] = "us-east-1a" } },
        [typeof(DescribeRestoreJobRequest)] = () => new DescribeRestoreJobRequest { RestoreJobId = Uuid },
        [typeof(StartCopyJobRequest)] = () => new StartCopyJobRequest { RecoveryPointArn = PointArn, SourceBackupVaultName = Vault, DestinationBackupVaultArn = $"arn:aws:backup:eu-west-1:{TestCloud.Account}:backup-vault:{Vault}", IamRoleArn = Role },
        [typeof(DescribeCopyJobRequest)] = () => new DescribeCopyJobRequest { CopyJobId = Uuid },
        [typeof(ListChangedBlocksRequest)] = () => new ListChangedBlocksRequest { SecondSnapshotId = SnapshotId.Parse("snap-0123456789abcdef0") },
        [typeof(StartSnapshotRequest)] = () => new StartSnapshotRequest { VolumeSize = 1 },
        [typeof(PutSnapshotBlockRequest)] = () => new PutSnapshotBlockRequest { SnapshotId = SnapshotId.Parse("snap-0123456789abcdef0"), BlockIndex = 0, BlockData = new MemoryStream(new byte[524288]), DataLength = 524288, Checksum = Convert.ToBase64String(System.Security.Cryptography.SHA256.HashData(new byte[524288])) },
        [typeof(CompleteSnapshotRequest)] = () => new CompleteSnapshotRequest { SnapshotId = SnapshotId.Parse("snap-0123456789abcdef0"), ChangedBlocksCount = 0 },
        [typeof(ListSnapshotBlocksRequest)] = () => new ListSnapshotBlocksRequest { SnapshotId = SnapshotId.Parse("snap-0123456789abcdef0") },
        [typeof(GetSnapshotBlockRequest)] = () => new GetSnapshotBlockRequest { SnapshotId = SnapshotId.Parse("snap-0123456789abcdef0"), BlockIndex = 0, BlockToken = "AAAA" },
        [typeof(ReadSnapshotRequest)] = () => new ReadSnapshotRequest { SnapshotId = SnapshotId.Parse("snap-0123456789abcdef0"), Offset = 0, Destination = new byte[Bytes.Length] },
    };

    /// <summary>Disposes <paramref name="cloud"/>, then makes every call; returns how many were made.</summary>
    /// <param name="cloud">A cloud with the Region <see cref="TestCloud.Region"/>.</param>
    /// <returns>The number of calls made, each of which threw as it should.</returns>
    public static async Task<int> AssertEveryCallThrowsAsync(EbsCloud cloud)
    {
        var account = cloud.Account(TestCloud.Account);
        var facadeGetters = typeof(EbsAccount).GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
            .Where(m => m.ReturnType.Name.EndsWith("Client", StringComparison.Ordinal))
            .ToList();
        List<object> targets = [cloud, .. facadeGetters.Select(g => g.Invoke(account, FacadeArguments(g))!)];

        // A facade's waiters are calls of their own (its paginators only wrap its Describe calls).
        targets.AddRange(targets.SelectMany(t => t.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.PropertyType.Name.EndsWith("Waiters", StringComparison.Ordinal))
            .Select(p => p.GetValue(t)!)).ToList());

        await cloud.DisposeAsync();

        var failures = new List<string>();
        var calls = 0;
        foreach (var getter in facadeGetters)
        {
            calls++;
            await CheckAsync(failures, $"{nameof(EbsAccount)}.{getter.Name}", () => Task.FromResult(getter.Invoke(account, FacadeArguments(getter))));
        }

        foreach (var target in targets)
        {
            // Disposing again is allowed, as IAsyncDisposable asks; DisposalTests checks it apart.
            foreach (var method in target.GetType().GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly).Where(m => IsAsync(m) && m.Name != nameof(IAsyncDisposable.DisposeAsync)))
            {
                calls++;
                var args = method.GetParameters().Select(p => ArgumentFor(method, p)).ToArray();
                await CheckAsync(failures, $"{target.GetType().Name}.{method.Name}({string.Join(", ", method.GetParameters().Select(p => p.ParameterType.Name))})", () => Await(method.Invoke(target, args)!));
            }
        }

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
        return calls;
    }

    /// <summary>The arguments of a facade getter: the Region, for the per-Region facades; none for the global ones (billing).</summary>
    private static object[] FacadeArguments(MethodInfo getter) => getter.GetParameters().Length == 0 ? [] : [TestCloud.Region];

    private static bool IsAsync(MethodInfo method)
        => method.ReturnType == typeof(ValueTask) || method.ReturnType == typeof(Task)
            || (method.ReturnType.IsGenericType && method.ReturnType.GetGenericTypeDefinition() is var d && (d == typeof(ValueTask<>) || d == typeof(Task<>)))
            || method.GetCustomAttribute<AsyncStateMachineAttribute>() is not null;

    private static object? ArgumentFor(MethodInfo method, ParameterInfo parameter)
    {
        if (parameter.ParameterType == typeof(CancellationToken))
        {
            return CancellationToken.None;
        }

        var type = Nullable.GetUnderlyingType(parameter.ParameterType) ?? parameter.ParameterType;
        if (Arguments.TryGetValue(type, out var make))
        {
            return make();
        }

        // Nothing is skipped: a new parameter type needs an entry above.
        Assert.True(parameter.HasDefaultValue, $"{method.DeclaringType!.Name}.{method.Name}: no argument for parameter '{parameter.Name}' of type {parameter.ParameterType}; add one to {nameof(DisposedCloudCalls)}.");
        return parameter.DefaultValue;
    }

    private static Task Await(object result) => result switch
    {
        Task task => task,
        ValueTask task => task.AsTask(),
        _ => (Task)result.GetType().GetMethod(nameof(ValueTask<int>.AsTask))!.Invoke(result, null)!,
    };

    private static async Task CheckAsync(List<string> failures, string name, Func<Task> call)
    {
        try
        {
            await call();
            failures.Add($"{name}: returned normally");
        }
        catch (Exception e)
        {
            var error = e is TargetInvocationException { InnerException: { } inner } ? inner : e;
            if (error is not ObjectDisposedException { ObjectName: nameof(EbsCloud) })
            {
                failures.Add($"{name}: {error.GetType().Name}: {error.Message}");
            }
        }
    }
}
