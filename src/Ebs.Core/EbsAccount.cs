using Ebs.Core.Services;

namespace Ebs.Core;

/// <summary>One caller account of an <see cref="EbsCloud"/>: the way to its per-Region service facades.</summary>
public sealed class EbsAccount
{
    private readonly CloudEngine _engine;

    internal EbsAccount(CloudEngine engine, string accountId)
    {
        _engine = engine;
        AccountId = accountId;
    }

    /// <summary>Gets the 12-digit account id.</summary>
    public string AccountId { get; }

    /// <summary>Gets the EC2 facade (volumes, snapshots) of this account in a Region.</summary>
    /// <param name="region">The Region name, such as <c>us-east-1</c>.</param>
    /// <returns>The facade; cheap to get and safe to share.</returns>
    /// <exception cref="EbsException"><c>InvalidRegion</c> when the Region is not configured.</exception>
    /// <exception cref="ObjectDisposedException">The cloud has been disposed.</exception>
    public Ec2Client Ec2(string region) => new(_engine, AccountId, _engine.CheckRegion(region));

    /// <summary>Gets the EBS direct API facade of this account in a Region.</summary>
    /// <param name="region">The Region name.</param>
    /// <returns>The facade; cheap to get and safe to share.</returns>
    /// <exception cref="EbsException"><c>InvalidRegion</c> when the Region is not configured.</exception>
    /// <exception cref="ObjectDisposedException">The cloud has been disposed.</exception>
    public EbsDirectClient EbsDirect(string region) => new(_engine, AccountId, _engine.CheckRegion(region));

    /// <summary>Gets the Recycle Bin facade (retention rules) of this account in a Region.</summary>
    /// <param name="region">The Region name.</param>
    /// <returns>The facade; cheap to get and safe to share.</returns>
    /// <exception cref="EbsException"><c>InvalidRegion</c> when the Region is not configured.</exception>
    /// <exception cref="ObjectDisposedException">The cloud has been disposed.</exception>
    public RecycleBinClient RecycleBin(string region) => new(_engine, AccountId, _engine.CheckRegion(region));

    /// <summary>Gets the Data Lifecycle Manager facade (snapshot lifecycle policies) of this account in a Region.</summary>
    /// <param name="region">The Region name.</param>
    /// <returns>The facade; cheap to get and safe to share.</returns>
    /// <exception cref="EbsException"><c>InvalidRegion</c> when the Region is not configured.</exception>
    /// <exception cref="ObjectDisposedException">The cloud has been disposed.</exception>
    public DlmClient Dlm(string region) => new(_engine, AccountId, _engine.CheckRegion(region));

    /// <summary>Gets the KMS facade (keys, grants) of this account in a Region.</summary>
    /// <param name="region">The Region name.</param>
    /// <returns>The facade; cheap to get and safe to share.</returns>
    /// <exception cref="EbsException"><c>InvalidRegion</c> when the Region is not configured.</exception>
    /// <exception cref="ObjectDisposedException">The cloud has been disposed.</exception>
    public KmsClient Kms(string region) => new(_engine, AccountId, _engine.CheckRegion(region));

    /// <summary>Gets the AWS Backup facade (vaults, plans, jobs, recovery points) of this account in a Region.</summary>
    /// <param name="region">The Region name.</param>
    /// <returns>The facade; cheap to get and safe to share.</returns>
    /// <exception cref="EbsException"><c>InvalidRegion</c> when the Region is not configured.</exception>
    /// <exception cref="ObjectDisposedException">The cloud has been disposed.</exception>
    public BackupClient Backup(string region) => new(_engine, AccountId, _engine.CheckRegion(region));

    /// <summary>Gets the cost report of this account, over every Region (Cost Explorer is global, as this facade is).</summary>
    /// <returns>The facade; cheap to get and safe to share.</returns>
    /// <exception cref="ObjectDisposedException">The cloud has been disposed.</exception>
    public BillingClient Billing()
    {
        _engine.ThrowIfDisposed();
        return new(_engine, AccountId);
    }
}
