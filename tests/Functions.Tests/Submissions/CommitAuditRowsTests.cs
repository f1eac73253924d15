using HealthFuncs.Functions.Storage;
using HealthFuncs.Functions.Tests.Infrastructure;

namespace HealthFuncs.Functions.Tests.Submissions;

/// <summary>
/// A commit's audit entries are stored a row per group of changes, not a row per value: read back they are the same
/// entries, each change on its own, in order, and writing them again (a recovery) leaves no copies.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class CommitAuditRowsTests(AzuriteFixture azurite) : IAsyncDisposable
{
    private readonly HealthFuncsFactory _factory = new(azurite);

    public async ValueTask DisposeAsync() => await _factory.DisposeAsync();

    private static List<AuditEntry> Commit(int changes, int noteLength)
    {
        var at = new DateTimeOffset(2024, 2, 3, 4, 5, 6, TimeSpan.Zero);
        return [.. Enumerable.Range(0, changes).Select(i => new AuditEntry(at, "d1-staff", i % 3 == 0 ? AuditAction.ValueAdded : AuditAction.ValueChanged,
            "D1", "2024-M01", $"X{i:D4}", i % 3 == 0 ? null : $"{i}", $"{i + 1} [Ghi chú: {new string('ệ', noteLength)} \"trích\" \\ {i}]", "10.0.0.7"))];
    }

    [Theory]
    [InlineData(3, 10)]
    [InlineData(250, 10)]
    [InlineData(250, 1_900)]
    public async Task A_commits_changes_read_back_whole_in_order_and_once_after_being_written_again(int changes, int noteLength)
    {
        var store = _factory.Get<AuditStore>();
        var written = Commit(changes, noteLength);

        await store.AppendOnceAsync(written, "2024-M01|v1");
        await store.AppendOnceAsync(written, "2024-M01|v1");

        Assert.Equal(written, await store.GetLatestAsync("D1", 1000));
        Assert.Equal(written.Take(7), await store.GetLatestAsync("D1", 7));
    }

    [Fact]
    public async Task A_commit_of_long_notes_is_split_so_every_row_fits_a_table_property()
    {
        var rows = CommitRows.Of(Commit(250, 1_900)).ToList();
        Assert.True(rows.Count > 10, $"{rows.Count} rows");
        Assert.All(rows, r => Assert.True(r.Changes.Length <= 32_767, $"{r.Changes.Length} characters"));
        Assert.Equal(250, rows.Sum(r => CommitRows.Read(r.Changes).Count));
        Assert.Single(CommitRows.Of(Commit(56, 10)));
    }
}
