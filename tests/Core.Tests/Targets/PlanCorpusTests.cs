using System.Globalization;
using HealthFuncs.Core.Targets;

namespace HealthFuncs.Core.Tests.Targets;

public class PlanCorpusTests
{
    [Theory, MemberData(nameof(PlanCorpus.All), MemberType = typeof(PlanCorpus))]
    public void Every_sentence_of_the_plans_is_read_or_carries_its_reason(string where, string text, string expected)
    {
        var target = TargetParser.Parse(text);
        Assert.True(expected == Describe(target), $"{where}: \"{text}\" read as {Describe(target)}");
        Assert.Equal(text, target.Text);
        Assert.Equal(target.Form == TargetForm.TextOnly, target.Reason is not null);
    }

    // The reading in one line: form, direction, number or range, symbol, [subject], baseline year, "/năm";
    // for a text-only target the reason after the quoted text.
    private static string Describe(TargetExpression e) => e.Form == TargetForm.TextOnly
        ? "TextOnly: " + e.Reason![(e.Reason!.IndexOf("\": ", StringComparison.Ordinal) + 3)..]
        : string.Join(" ", new[]
        {
            e.Form.ToString(), e.Change?.ToString(), e.Value?.ToString(CultureInfo.InvariantCulture),
            e.Low is null ? null : $"{e.Low.Value.ToString(CultureInfo.InvariantCulture)}..{e.High!.Value.ToString(CultureInfo.InvariantCulture)}",
            e.Symbol, e.Subject is null ? null : $"[{e.Subject}]", e.BaselineYear?.ToString(CultureInfo.InvariantCulture), e.PerYear ? "/năm" : null,
        }.Where(s => s is not null));
}
