using System.Text.Json;

namespace Ebs.Core.Services;

/// <summary>
/// The part of a backup vault's access policy this library enforces: an explicit <c>Deny</c>
/// statement whose actions cover <c>backup:DeleteRecoveryPoint</c>. Principals and conditions
/// are not evaluated (every caller is the vault's owner), so such a statement denies everyone.
/// </summary>
internal static class BackupPolicies
{
    private const string DeleteRecoveryPoint = "backup:DeleteRecoveryPoint";

    /// <summary>Checks that a policy is a JSON object.</summary>
    /// <exception cref="EbsException"><c>InvalidParameterValueException</c> otherwise.</exception>
    public static void Check(string? policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        try
        {
            using var document = JsonDocument.Parse(policy);
            if (document.RootElement.ValueKind == JsonValueKind.Object)
            {
                return;
            }
        }
        catch (JsonException)
        {
        }

        throw BackupErrors.Of(EbsErrorCodes.InvalidParameterValueException, "The access policy is not a valid JSON policy document.");
    }

    /// <summary>Whether the policy explicitly denies DeleteRecoveryPoint.</summary>
    public static bool DeniesDeleteRecoveryPoint(string? policy)
    {
        if (policy is null)
        {
            return false;
        }

        using var document = JsonDocument.Parse(policy);
        return document.RootElement.TryGetProperty("Statement", out var statements)
            && (statements.ValueKind == JsonValueKind.Array ? statements.EnumerateArray().Any(Denies) : Denies(statements));
    }

    private static bool Denies(JsonElement statement)
        => statement.ValueKind == JsonValueKind.Object
            && statement.TryGetProperty("Effect", out var effect) && effect.ValueKind == JsonValueKind.String && effect.GetString() == "Deny"
            && statement.TryGetProperty("Action", out var action)
            && (action.ValueKind == JsonValueKind.Array ? action.EnumerateArray().Any(Covers) : Covers(action));

    private static bool Covers(JsonElement action)
        => action.ValueKind == JsonValueKind.String && action.GetString() is { } text
            && (text == "*" || string.Equals(text, "backup:*", StringComparison.OrdinalIgnoreCase) || string.Equals(text, DeleteRecoveryPoint, StringComparison.OrdinalIgnoreCase));
}
