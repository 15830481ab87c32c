using Microsoft.Data.Sqlite;
using OpenBadges.Issuer.Status;
using OpenBadges.Issuer.Storage;

namespace OpenBadges.Tests.Issuer;

/// <summary>The SQLite store directly: allocation, roll-over, migrations, the index permutation.</summary>
public sealed class IssuerStoreTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("ob-store-").FullName;

    private string Connection => $"Data Source={Path.Combine(_directory, "issuer.db")}";

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public void The_index_permutation_is_a_bijection_that_hides_the_order()
    {
        var permutation = new IndexPermutation([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16], 16_384);
        var seen = new bool[16_384];
        for (var ordinal = 0; ordinal < seen.Length; ordinal++)
        {
            var index = permutation.Map(ordinal);
            Assert.False(seen[index], $"index {index} handed out twice");
            seen[index] = true;
        }

        var first = Enumerable.Range(0, 100).Select(permutation.Map).ToArray();
        Assert.NotEqual(first.Order(), first);
        Assert.NotEqual(first, Enumerable.Range(0, 100).Select(new IndexPermutation(new byte[16], 131_072).Map));

        var odd = new IndexPermutation(new byte[16], 1000);   // not a power of two: cycle walking stays inside
        Assert.Equal(1000, Enumerable.Range(0, 1000).Select(odd.Map).Where(i => i is >= 0 and < 1000).Distinct().Count());
    }

    [Fact]
    public async Task Migrations_run_once_and_again_changes_nothing()
    {
        var store = IssuerStores.Sqlite(Connection);
        await store.MigrateAsync();
        await store.MigrateAsync();
        await IssuerStores.Sqlite(Connection).MigrateAsync();
        Assert.True(await store.PingAsync());
        await using var connection = new SqliteConnection(Connection);
        await connection.OpenAsync();
        await using var command = new SqliteCommand("SELECT COUNT(*) FROM schema_version", connection);
        Assert.Equal(1L, await command.ExecuteScalarAsync());
    }

    [Fact]
    public async Task Slots_are_never_handed_out_twice_even_when_never_used_and_a_full_list_rolls_over()
    {
        var store = IssuerStores.Sqlite(Connection);
        await store.MigrateAsync();
        var slots = new List<StatusSlot>();
        await Parallel.ForAsync(0, 400, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (_, token) =>
        {
            var slot = await store.AllocateStatusSlotAsync("revocation", 131_072, token);
            lock (slots)
            {
                slots.Add(slot);
            }
        });
        Assert.Equal(400, slots.Select(s => (s.ListId, s.Index)).Distinct().Count());
        Assert.All(slots, s => Assert.Equal(1, s.ListId));

        // A "restarted" store (new instance, same file) goes on from the counter: nothing taken before comes back.
        var again = IssuerStores.Sqlite(Connection);
        var later = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => again.AllocateStatusSlotAsync("revocation", 131_072)));
        Assert.Empty(later.Select(s => s.Index).Intersect(slots.Select(s => s.Index)));

        // Bring the list to its last two entries: the third allocation opens list 2 (a new id, a new index space).
        await using (var connection = new SqliteConnection(Connection))
        {
            await connection.OpenAsync();
            await using var fill = new SqliteCommand("UPDATE status_lists SET next_ordinal = length - 2 WHERE id = 1", connection);
            await fill.ExecuteNonQueryAsync();
        }

        var tail = new[] { await store.AllocateStatusSlotAsync("revocation", 131_072), await store.AllocateStatusSlotAsync("revocation", 131_072), await store.AllocateStatusSlotAsync("revocation", 131_072) };
        Assert.Equal(1L, tail[0].ListId);
        Assert.Equal(1L, tail[1].ListId);
        Assert.NotEqual(1L, tail[2].ListId);   // list ids are opaque (a lost insert race may skip one)
        Assert.Equal(tail[2].ListId, (await store.AllocateStatusSlotAsync("revocation", 131_072)).ListId);
        var suspension = await store.AllocateStatusSlotAsync("suspension", 131_072);
        Assert.DoesNotContain(suspension.ListId, tail.Select(s => s.ListId));   // each purpose has lists of its own
        Assert.Equal(3, (await store.GetStatisticsAsync()).StatusLists);
        Assert.Equal(131_072, (await store.GetStatusListAsync(tail[2].ListId))!.Length);
    }
}
