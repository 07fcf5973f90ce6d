using System.Globalization;
using Ebs.Core.Domain;

namespace Ebs.Core.Tests.Domain;

public sealed class CronExpressionTests
{
    private static DateTimeOffset At(string text) => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture);

    [Theory]
    [InlineData("cron(0 2 * * ? *)", "2026-01-01T00:00Z", "2026-01-01T02:00Z")]
    [InlineData("cron(0 2 * * ? *)", "2026-01-01T02:00Z", "2026-01-02T02:00Z")]
    [InlineData("cron(30 0/6 * * ? *)", "2026-01-01T06:31Z", "2026-01-01T12:30Z")]
    [InlineData("cron(0 9 ? * MON *)", "2026-01-01T00:00Z", "2026-01-05T09:00Z")]
    [InlineData("cron(0 9 ? * 2-6 *)", "2026-01-03T00:00Z", "2026-01-05T09:00Z")]
    [InlineData("cron(0 0 L * ? *)", "2026-02-01T00:00Z", "2026-02-28T00:00Z")]
    [InlineData("cron(0 0 L * ? *)", "2028-02-01T00:00Z", "2028-02-29T00:00Z")]
    [InlineData("cron(0 0 15W * ? *)", "2026-08-01T00:00Z", "2026-08-14T00:00Z")]
    [InlineData("cron(0 0 1W * ? *)", "2026-08-01T00:00Z", "2026-08-03T00:00Z")]
    [InlineData("cron(0 0 LW * ? *)", "2026-05-01T00:00Z", "2026-05-29T00:00Z")]
    [InlineData("cron(0 0 ? * 6#3 *)", "2026-01-01T00:00Z", "2026-01-16T00:00Z")]
    [InlineData("cron(0 0 ? * 6L *)", "2026-01-01T00:00Z", "2026-01-30T00:00Z")]
    [InlineData("cron(0 12 1 JAN,JUL ? 2027)", "2026-03-01T00:00Z", "2027-01-01T12:00Z")]
    [InlineData("cron(0 3 1 */3 ? *)", "2026-01-02T00:00Z", "2026-04-01T03:00Z")]
    public void Next_Expression_FirstInstantStrictlyAfter(string expression, string after, string expected)
        => Assert.Equal(At(expected), CronExpression.Parse(expression).Next(At(after)));

    [Fact]
    public void Next_PastLastYear_Null()
        => Assert.Null(CronExpression.Parse("cron(0 0 1 1 ? 2026)").Next(At("2026-06-01T00:00Z")));

    [Theory]
    [InlineData("0 2 * * ? *")]
    [InlineData("cron(0 2 * * ?)")]
    [InlineData("cron(0 2 * * * *)")]
    [InlineData("cron(0 2 ? * ? *)")]
    [InlineData("cron(60 2 * * ? *)")]
    [InlineData("cron(0 24 * * ? *)")]
    [InlineData("cron(0 2 32 * ? *)")]
    [InlineData("cron(0 2 ? * 8 *)")]
    [InlineData("cron(0 2 ? * FOO *)")]
    [InlineData("cron(0 5-2 * * ? *)")]
    [InlineData("cron(0 2 * * ? 1969)")]
    [InlineData("cron(0 2 ? * 6#6 *)")]
    public void TryParse_Invalid_FalseWithReason(string expression)
    {
        Assert.False(CronExpression.TryParse(expression, out _, out var error));
        Assert.False(string.IsNullOrEmpty(error));
    }

    [Fact]
    public void Next_DailyFor30Days_OneInstantPerDay()
    {
        var cron = CronExpression.Parse("cron(0 2 * * ? *)");
        var instants = new List<DateTimeOffset>();
        var at = At("2026-01-01T00:00Z");
        for (var i = 0; i < 30; i++)
        {
            at = cron.Next(at)!.Value;
            instants.Add(at);
        }

        Assert.Equal(Enumerable.Range(0, 30).Select(d => At("2026-01-01T02:00Z").AddDays(d)), instants);
    }
}
