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
    [InlineData("Password=s3cret;Host=db", StoreAddress.Kind.PostgreSql)]
    [InlineData("PWD = s3cret;Host=db", StoreAddress.Kind.PostgreSql)]
    [InlineData("mysql://user@host:3306/db", StoreAddress.Kind.Unsupported)]
    [InlineData("file:///tmp/x.db", StoreAddress.Kind.Unsupported)]
    [InlineData("s3://bucket/x.db", StoreAddress.Kind.Unsupported)]
    public void A_value_names_its_kind_of_store(string db, StoreAddress.Kind kind) => Assert.Equal(kind, StoreAddress.Of(db));

    [Theory]
    [InlineData("postgresql://parallax:s3cret@db:5432/news", "postgresql://parallax:***@db:5432/news")]
    [InlineData("Host=db;Password=s3cret;Database=news", "Host=db;Password=***;Database=news")]
    [InlineData("mysql://root:hunter2@h/db", "mysql://root:***@h/db")]
    [InlineData("Host=db;PWD=s3cret;Database=news", "Host=db;PWD=***;Database=news")]
    [InlineData("Host=db;Psw=s3cret;Database=news", "Host=db;Psw=***;Database=news")]
    [InlineData("Host=db;pAsSwOrD=s3cret", "Host=db;pAsSwOrD=***")]
    [InlineData("Host=db;  Password  =  s3cret  ;Database=news", "Host=db;  Password  =  ***;Database=news")]
    [InlineData("Host=db; pass word =s3cret", "Host=db; pass word =***")]
    [InlineData("Host=db;Password='s3;cret';Database=news", "Host=db;Password=***;Database=news")]
    [InlineData("Host=db;Password=\"s3\"\";cret\";Database=news", "Host=db;Password=***;Database=news")]
    [InlineData("Host=db;Password='s3cret;Database=news", "Host=db;Password=***")]
    [InlineData("Host=db;SSL Password=s3cret;Database=news", "Host=db;SSL Password=***;Database=news")]
    [InlineData("Password=s3cret;Host=db", "Password=***;Host=db")]
    [InlineData("Host=db;Password=s3cret=x;Database=news", "Host=db;Password=***;Database=news")]
    [InlineData("postgresql://u:s3@cret@db:5432/news", "postgresql://u:***@db:5432/news")]
    [InlineData("postgresql://u:s3:c/r@et@db/news", "postgresql://u:***@db/news")]
    [InlineData("postgresql://u:s3%40cret@db/news", "postgresql://u:***@db/news")]
    [InlineData("postgresql://u@db/news", "postgresql://u@db/news")]
    [InlineData("postgresql://db/news?password=s3cret&sslmode=require", "postgresql://db/news?password=***&sslmode=require")]
    [InlineData("postgres://db/news?sslmode=require&PWD=s3cret", "postgres://db/news?sslmode=require&PWD=***")]
    [InlineData("postgresql://u@db/news?sslpassword=s3cret", "postgresql://u@db/news?sslpassword=***")]
    public void A_password_in_the_value_is_never_repeated(string db, string shown)
    {
        Assert.Equal(shown, StoreAddress.Shown(db));
        foreach (var part in new[] { "s3cret", "s3", "cret", "et@db" }) Assert.DoesNotContain(part, StoreAddress.Shown(db), StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_is_shown_as_its_full_path()
    {
        Assert.Equal(Path.GetFullPath("news.db"), StoreAddress.Shown("news.db"));
        Assert.Equal(Path.GetFullPath("notes/pass word.db"), StoreAddress.Shown("notes/pass word.db"));
    }

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
