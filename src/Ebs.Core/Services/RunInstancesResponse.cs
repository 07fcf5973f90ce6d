using System.Text.Json.Serialization;
using Ebs.Core.Domain;

namespace Ebs.Core.Services;

/// <summary>The result of RunInstances: the reservation of the launched instances.</summary>
public sealed record RunInstancesResponse
{
    // Internal: only the library makes these; the JSON reader may, to read back what it wrote.
    [JsonConstructor]
    internal RunInstancesResponse()
    {
    }

    /// <summary>Gets the reservation, its instances <c>pending</c>.</summary>
    public required Reservation Reservation { get; init; }
}
