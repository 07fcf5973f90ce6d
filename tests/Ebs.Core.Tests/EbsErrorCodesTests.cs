using System.Net;
using System.Reflection;

namespace Ebs.Core.Tests;

public sealed class EbsErrorCodesTests
{
    private static readonly string[] AllCodes = [.. typeof(EbsErrorCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(f => f.IsLiteral && f.FieldType == typeof(string))
        .Select(f => (string)f.GetRawConstantValue()!)];

    public static TheoryData<string> Codes => [.. AllCodes];

    [Theory]
    [MemberData(nameof(Codes))]
    public void StatusCodes_EveryCode_HasItsStatus(string code)
        => Assert.True(EbsErrorCodes.StatusCodes.ContainsKey(code), $"{code} has no HTTP status.");

    [Fact]
    public void StatusCodes_OnlyDefinedCodes_NoStrayEntries()
        => Assert.Equal(AllCodes.Order(StringComparer.Ordinal), EbsErrorCodes.StatusCodes.Keys.AsEnumerable().Order(StringComparer.Ordinal));

    [Theory]
    [InlineData(EbsErrorCodes.InvalidSnapshotNotFound, HttpStatusCode.BadRequest)]
    [InlineData(EbsErrorCodes.InvalidParameterValue, HttpStatusCode.BadRequest)]
    [InlineData(EbsErrorCodes.InternalError, HttpStatusCode.InternalServerError)]
    [InlineData(EbsErrorCodes.ValidationException, HttpStatusCode.BadRequest)]
    [InlineData(EbsErrorCodes.ResourceNotFoundException, HttpStatusCode.NotFound)]
    [InlineData(EbsErrorCodes.InternalServerException, HttpStatusCode.InternalServerError)]
    [InlineData("LocalStore.Damaged", HttpStatusCode.InternalServerError)]
    public void StatusCode_Code_AwsStatus(string code, HttpStatusCode expected)
        => Assert.Equal(expected, new EbsException(code, "x").StatusCode);

    [Fact]
    public async Task StatusCode_UnknownSnapshotThroughEbsDirect_NotFound()
    {
        await using var t = new TestCloud();

        var error = await Assert.ThrowsAsync<EbsException>(() => t.Cloud.Account(TestCloud.Account).EbsDirect(TestCloud.Region)
            .ListChangedBlocksAsync(new() { SecondSnapshotId = Ebs.Core.Domain.SnapshotId.Parse("snap-0123456789abcdef0") }).AsTask());

        Assert.Equal(HttpStatusCode.NotFound, error.StatusCode);
    }
}
