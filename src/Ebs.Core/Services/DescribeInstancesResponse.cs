using System.Text.Json.Serialization;
using Ebs.Core.Domain;

namespace Ebs.Core.Services;

/// <summary>The result of DescribeInstances: one page of instances, grouped by reservation.</summary>
public sealed record DescribeInstancesResponse
{
    // Internal: only the library makes these; the JSON reader may, to read back what it wrote.
    [JsonConstructor]
    internal DescribeInstancesResponse()
    {
    }

    /// <summary>Gets the reservations, by reservation id, each with its instances of the page by id.</summary>
    public required ValueList<Reservation> Reservations { get; init; }

    /// <summary>Gets the token of the next page, or <see langword="null"/> when this page is the last.</summary>
    public string? NextToken { get; init; }
}
