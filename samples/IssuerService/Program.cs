// The issuing service an institution runs: the LMS issues through it, staff revoke through it, verifiers fetch the
// status lists and the did:web document from it. Everything is kept in SQLite (default) or PostgreSQL.
//   POST /credentials                  issue one (Idempotency-Key header)         scope issue
//   POST /credentials/batch            issue many                                 scope issue
//   GET  /credentials/{id}             the signed credential                      scope read
//   GET  /credentials/{id}/status      status, list entry, audit log              scope read
//   POST /credentials/{id}/revoke|suspend|reinstate  {reason}                     scope revoke
//   GET  /status/{list}                signed status list (ETag, Cache-Control)   public
//   GET  /.well-known/did.json         did:web document                           public
//   GET  /health/live, /health/ready, /openapi/v1.json
// Run:      dotnet run --project samples/IssuerService            (Development: throwaway key, SQLite file issuer.db)
// API key:  dotnet run --project samples/IssuerService -- create-api-key --name lms --scopes issue,read
using OpenBadges.Issuer.Auth;
using OpenBadges.Issuer.Hosting;
using OpenBadges.Issuer.Storage;

var builder = WebApplication.CreateBuilder(args);
builder.AddOpenBadgesIssuer();
var app = builder.Build();

if (args.Contains("create-api-key"))
{
    return await CreateApiKeyAsync(app, args);
}

app.MapOpenBadgesIssuer();
await app.RunAsync();
return 0;

// Prints a new API key once (only its hash is stored) and exits.
static async Task<int> CreateApiKeyAsync(WebApplication app, string[] args)
{
    string? Option(string name) => Array.IndexOf(args, name) is var at && at >= 0 && at + 1 < args.Length ? args[at + 1] : null;
    var name = Option("--name");
    var scopes = (Option("--scopes") ?? "issue,read").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
    if (string.IsNullOrWhiteSpace(name))
    {
        Console.Error.WriteLine("usage: create-api-key --name NAME [--scopes issue,revoke,read]");
        return 2;
    }

    var store = app.Services.GetRequiredService<IIssuerStore>();
    await store.MigrateAsync();
    var (key, record) = ApiKeys.Create(name, scopes, DateTimeOffset.UtcNow);
    await store.AddApiKeyAsync(record);
    Console.WriteLine(key);
    Console.Error.WriteLine($"API key '{name}' ({string.Join(", ", record.Scopes)}) stored as a hash; this is the only time it is shown.");
    return 0;
}

/// <summary>Exposed so the tests can host the service in-process (WebApplicationFactory).</summary>
public partial class Program;
