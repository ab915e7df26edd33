using Parallax.Storage;
using Xunit;

namespace Parallax.Tests;

/// <summary>What a --db value names: a file path is SQLite, a PostgreSQL address or connection string is PostgreSQL, and any other scheme is refused rather than taken for a path.</summary>
public sealed class StoreAddressTests
{
    [Theory]
    [InlineData("parallax.db", StoreAddress.Kind.Sqlite)]
    [InlineData("/var/lib/parallax/news.db", StoreAddress.Kind.Sqlite)]
    [InlineData("odd:name.db", StoreAddress.Kind.Sqlite)]
    [InlineData("C:\\stores\\news.db", StoreAddress.Kind.Sqlite)]
    [InlineData("hostname=notes.db", StoreAddress.Kind.Sqlite)]
    [InlineData("postgresql://parallax@db.example:5432/news", StoreAddress.Kind.PostgreSql)]
    [InlineData("postgres://localhost/news", StoreAddress.Kind.PostgreSql)]
    [InlineData("PostgreSQL://localhost/news", StoreAddress.Kind.PostgreSql)]
    [InlineData("Host=localhost;Database=news;Username=parallax", StoreAddress.Kind.PostgreSql)]
    [InlineData("  host = db1; port=5433", StoreAddress.Kind.PostgreSql)]
    [InlineData("mysql://user@host:3306/db", StoreAddress.Kind.Unsupported)]
    [InlineData("file:///tmp/x.db", StoreAddress.Kind.Unsupported)]
    [InlineData("s3://bucket/x.db", StoreAddress.Kind.Unsupported)]
    public void A_value_names_its_kind_of_store(string db, StoreAddress.Kind kind) => Assert.Equal(kind, StoreAddress.Of(db));

    [Theory]
    [InlineData("postgresql://parallax:s3cret@db:5432/news", "postgresql://parallax:***@db:5432/news")]
    [InlineData("Host=db;Password=s3cret;Database=news", "Host=db;Password=***;Database=news")]
    [InlineData("mysql://root:hunter2@h/db", "mysql://root:***@h/db")]
    public void A_password_in_the_value_is_never_repeated(string db, string shown) => Assert.Equal(shown, StoreAddress.Shown(db));

    [Fact]
    public void An_unsupported_scheme_is_refused_in_one_line_that_says_what_to_give()
    {
        var refusal = StoreAddress.Refusal("mysql://root:hunter2@h/db");
        Assert.NotNull(refusal);
        Assert.DoesNotContain('\n', refusal);
        Assert.DoesNotContain("hunter2", refusal, StringComparison.Ordinal);
        Assert.Contains("SQLite file path", refusal, StringComparison.Ordinal);
        Assert.Null(StoreAddress.Refusal("news.db"));
    }
}
