namespace Ebs.Core.Tests.Storage;

/// <summary>What must hold after a crash or an injected fault, once the store is reopened.</summary>
public static class CrashChecks
{
    /// <summary>
    /// Asserts that fsck finds nothing missing, corrupt or mis-counted (leaked chunks are
    /// allowed), then repairs and asserts the store is clean.
    /// </summary>
    /// <returns>The report from before the repair.</returns>
    public static async Task<Ebs.Core.Storage.ScrubReport> AssertOnlyLeaksThenRepairAsync(EbsCloud cloud)
    {
        var report = await cloud.ScrubAsync(verifyContents: true);
        Assert.Empty(report.MissingChunks);
        Assert.Empty(report.CorruptChunks);
        Assert.Empty(report.MissingNodes);
        Assert.Empty(report.MiscountedChunks);
        Assert.Empty(report.MiscountedNodes);
        await cloud.ScrubAsync(repair: true, force: true); // the checks above show the state is whole: every leak is a crash's
        Assert.True((await cloud.ScrubAsync(verifyContents: true)).IsClean);
        return report;
    }
}
