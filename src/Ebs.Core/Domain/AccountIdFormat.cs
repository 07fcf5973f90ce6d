namespace Ebs.Core.Domain;

/// <summary>The shape of an AWS account id: 12 decimal digits.</summary>
internal static class AccountIdFormat
{
    public static bool IsValid(string? text) => text is { Length: 12 } && !text.AsSpan().ContainsAnyExceptInRange('0', '9');
}
