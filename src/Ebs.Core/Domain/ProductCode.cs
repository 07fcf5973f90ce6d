namespace Ebs.Core.Domain;

/// <summary>A product code (AWS's <c>ProductCode</c>); the library has no Marketplace, so none is ever listed.</summary>
public sealed record ProductCode
{
    /// <summary>Gets the product code.</summary>
    public required string ProductCodeId { get; init; }

    /// <summary>Gets the type: <c>devpay</c> or <c>marketplace</c>.</summary>
    public required string ProductCodeType { get; init; }
}
