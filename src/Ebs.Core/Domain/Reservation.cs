using System.Text.Json.Serialization;

namespace Ebs.Core.Domain;

/// <summary>The instances of one RunInstances call (AWS's <c>Reservation</c>).</summary>
public sealed record Reservation
{
    // Internal: only the library makes these; the JSON reader may, to read back what it wrote.
    [JsonConstructor]
    internal Reservation()
    {
    }

    /// <summary>Gets the reservation id: <c>r-</c> followed by the digits of the launch's first instance id (the library's way to make AWS's unique <c>r-</c> id).</summary>
    public required string ReservationId { get; init; }

    /// <summary>Gets the account that launched the instances.</summary>
    public required string OwnerId { get; init; }

    /// <summary>Gets the instances, by launch index.</summary>
    public required ValueList<Instance> Instances { get; init; }
}
