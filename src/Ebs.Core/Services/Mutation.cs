using Ebs.Core.Domain;
using Ebs.Core.Storage;

namespace Ebs.Core.Services;

/// <summary>The working copy of one state change: the world to publish, the reference-count edits, and the instant.</summary>
internal sealed class Mutation(World world, GraphTransaction refs, DateTimeOffset now)
{
    public World World { get; set; } = world;

    public GraphTransaction Refs { get; } = refs;

    public DateTimeOffset Now { get; } = now;
}
