using Ebs.Core;
using Ebs.Core.Tests;
using Ebs.Core.Tests.Properties;
using FsCheck;
using FsCheck.Fluent;
using Microsoft.Extensions.Time.Testing;

namespace Ebs.Storage.Sqlite.Tests;

/// <summary>
/// The model-based sequences on the durable directory, closed and reopened every few steps, so
/// that most calls meet block-map nodes not read since the open and read them from
/// <c>state.db</c> on demand: after every step every volume and snapshot matches the model,
/// the stored chunks are exactly the reachable ones and every count equals a recount.
/// </summary>
public sealed class LazyNodeModelTests
{
    private static readonly EbsOptions Options = new() { BlockSize = TestCloud.BlockSize, IdSeed = 3 };

    [Fact]
    public void RandomSequences_ReopenedEveryFewSteps_MatchModelAfterEveryStep()
    {
        var input = from ops in Generators.Operations().Generator
                    from every in Gen.Choose(1, 4)
                    select (ops, every);
        Prop.ForAll(input.ToArbitrary(), x => RunAsync(x.ops, x.every).GetAwaiter().GetResult())
            .Check(Config.QuickThrowOnFailure.WithMaxTest(Math.Max(1, ModelBasedTests.Runs / 8)));
    }

    private static async Task RunAsync(ModelOp[] ops, int reopenEvery)
    {
        using var dir = new TempDirectory();
        var time = new FakeTimeProvider(DateTimeOffset.UnixEpoch);
        var driver = new ModelDriver(await LocalDirectory.OpenAsync(dir.Path, Options, time), time, new ReferenceModel());
        try
        {
            var step = 0;
            foreach (var op in ops)
            {
                if (driver.Plan(op) is not { } planned)
                {
                    continue;
                }

                if (++step % reopenEvery == 0)
                {
                    await driver.Cloud.DisposeAsync();
                    driver.Cloud = await LocalDirectory.OpenAsync(dir.Path, Options, time);
                    await ReadBackAsync(driver);
                }

                await driver.ApplyAsync(planned);
                await driver.CheckAsync($"{op} (reopened every {reopenEvery} steps)");
            }
        }
        finally
        {
            await driver.Cloud.DisposeAsync();
        }
    }

    /// <summary>Reads every volume back right after an open, with no node read yet, and compares it with the model.</summary>
    private static async Task ReadBackAsync(ModelDriver driver)
    {
        const int Size = TestCloud.BlockSize;
        foreach (var (id, blocks) in driver.Model.Volumes)
        {
            var count = (int)(blocks.Keys.DefaultIfEmpty(-1).Max() + 2);
            var bytes = new byte[count * Size];
            await driver.Ec2.ReadAtAsync(id, 0, bytes);
            for (var block = 0; block < count; block++)
            {
                Assert.True(driver.Model.Read(blocks, block).AsSpan().SequenceEqual(bytes.AsSpan(block * Size, Size)), $"{id} block {block} differs from the model after reopening");
            }
        }

        Assert.False(driver.Cloud.Engine.Graph.IsCounted);
    }
}
