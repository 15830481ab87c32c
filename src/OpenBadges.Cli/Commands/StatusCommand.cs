using System.CommandLine;
using System.Net.Http.Json;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using OpenBadges.Issuer.Storage;

namespace OpenBadges.Cli.Commands;

/// <summary>
/// <c>openbadges status revoke|suspend|reinstate|show ID</c>: changes or shows a credential's status, either through a
/// running issuing service (<c>--service URL</c>, API key in <c>--api-key</c> or <c>OPENBADGES_API_KEY</c>) or directly
/// in its SQLite file (<c>--db FILE</c>; the service re-signs the list on its next request).
/// </summary>
internal static class StatusCommand
{
    private const string ApiKeyVariable = "OPENBADGES_API_KEY";

    public static Command Create(CliContext context)
    {
        var command = new Command("status", "Revoke, suspend, reinstate or show an issued credential, through the issuing service or in its SQLite database.");
        command.Subcommands.Add(Change(context, "revoke", StatusAction.Revoke, "Revoke a credential (permanent)."));
        command.Subcommands.Add(Change(context, "suspend", StatusAction.Suspend, "Suspend a credential issued with a suspension entry."));
        command.Subcommands.Add(Change(context, "reinstate", StatusAction.Reinstate, "Lift a suspension."));
        command.Subcommands.Add(Show(context));
        return command;
    }

    private sealed record Target(Option<string?> Service, Option<string?> ApiKey, Option<string?> Database, Argument<string> Id);

    private static Target AddTarget(Command command)
    {
        var target = new Target(
            new Option<string?>("--service") { Description = "The issuing service's base URL, e.g. https://credentials.example.nl." },
            new Option<string?>("--api-key") { Description = $"An API key with the needed scope (default: environment variable {ApiKeyVariable}, which keeps it out of the shell history)." },
            new Option<string?>("--db") { Description = "The service's SQLite database file, instead of --service." },
            new Argument<string>("ID") { Description = "The credential id (urn:uuid:… or the UUID)." });
        command.Add(target.Service);
        command.Add(target.ApiKey);
        command.Add(target.Database);
        command.Add(target.Id);
        return target;
    }

    private static Command Change(CliContext context, string name, StatusAction action, string description)
    {
        var command = new Command(name, description);
        var target = AddTarget(command);
        var reason = new Option<string?>("--reason") { Description = "Why (kept in the audit log)." };
        var actor = new Option<string?>("--actor") { Description = "Who, for the audit log with --db (default: cli:<user name>); the service records the API key's name." };
        command.Add(reason);
        command.Add(actor);
        command.SetAction(parse => context.Guard(() =>
        {
            var id = Uuid(parse.GetValue(target.Id)!);
            if (parse.GetValue(target.Database) is { } database)
            {
                var store = OpenStore(database);
                var result = store.ChangeStatusAsync(id, action, parse.GetValue(actor) ?? "cli:" + Environment.UserName, parse.GetValue(reason), DateTimeOffset.UtcNow).GetAwaiter().GetResult();
                switch (result.Outcome)
                {
                    case StatusChangeOutcome.NotFound:
                        throw new CliInputException($"no credential {id} in '{database}'.");
                    case StatusChangeOutcome.Refused:
                        throw new CliInputException(result.Message!);
                }

                context.Out.WriteLine(View(result.Credential!, result.Outcome == StatusChangeOutcome.Changed, null).ToString(Formatting.Indented));
                return ExitCodes.Ok;
            }

            var body = new JObject { ["reason"] = parse.GetValue(reason) }.ToString(Formatting.None);
            return Call(context, parse, target, HttpMethod.Post, $"/credentials/{id}/{name}", body);
        }));
        return command;
    }

    private static Command Show(CliContext context)
    {
        var command = new Command("show", "Show a credential's status, its status list entry and its audit log.");
        var target = AddTarget(command);
        command.SetAction(parse => context.Guard(() =>
        {
            var id = Uuid(parse.GetValue(target.Id)!);
            if (parse.GetValue(target.Database) is { } database)
            {
                var store = OpenStore(database);
                var credential = store.GetCredentialAsync(id).GetAwaiter().GetResult() ?? throw new CliInputException($"no credential {id} in '{database}'.");
                var audit = store.GetAuditAsync(id).GetAwaiter().GetResult();
                context.Out.WriteLine(View(credential, null, audit).ToString(Formatting.Indented));
                return ExitCodes.Ok;
            }

            return Call(context, parse, target, HttpMethod.Get, $"/credentials/{id}/status", null);
        }));
        return command;
    }

    private static IIssuerStore OpenStore(string database)
    {
        if (!File.Exists(database))
        {
            throw new CliInputException($"'{database}' does not exist (the service's SQLite file, e.g. issuer.db).");
        }

        var store = IssuerStores.Sqlite($"Data Source={database};Mode=ReadWrite");
        store.MigrateAsync().GetAwaiter().GetResult();
        return store;
    }

    private static int Call(CliContext context, System.CommandLine.ParseResult parse, Target target, HttpMethod method, string path, string? body)
    {
        var service = parse.GetValue(target.Service) ?? throw new CliInputException("give --service URL (the issuing service) or --db FILE (its SQLite database).");
        if (!Uri.TryCreate(service, UriKind.Absolute, out var baseUri) || baseUri.Scheme is not ("https" or "http"))
        {
            throw new CliInputException($"--service '{service}' is not an http(s) URL.");
        }

        var apiKey = parse.GetValue(target.ApiKey) ?? Environment.GetEnvironmentVariable(ApiKeyVariable)
            ?? throw new CliInputException($"give an API key: --api-key or the environment variable {ApiKeyVariable}.");
        using var client = context.HttpHandler is { } handler ? new HttpClient(handler, disposeHandler: false) : new HttpClient();
        client.BaseAddress = baseUri;
        client.Timeout = TimeSpan.FromSeconds(60);
        using var request = new HttpRequestMessage(method, path);
        request.Headers.Add("X-Api-Key", apiKey);
        if (body is not null)
        {
            request.Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json");
        }

        HttpResponseMessage response;
        try
        {
            response = client.SendAsync(request).GetAwaiter().GetResult();
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            throw new CliInputException($"{method} {new Uri(baseUri, path)} failed: {e.Message}");
        }

        using (response)
        {
            var text = response.Content.ReadAsStringAsync().GetAwaiter().GetResult();
            if (!response.IsSuccessStatusCode)
            {
                var detail = TryParse(text) is { } problem ? (string?)problem["detail"] ?? (string?)problem["title"] : null;
                throw new CliInputException($"{method} {path} answered {(int)response.StatusCode} {response.ReasonPhrase}{(detail is null ? string.Empty : ": " + detail)}");
            }

            context.Out.WriteLine(TryParse(text)?.ToString(Formatting.Indented) ?? text);
            return ExitCodes.Ok;
        }
    }

    private static JObject View(StoredCredential credential, bool? changed, IReadOnlyList<AuditEntry>? audit)
    {
        var view = new JObject
        {
            ["id"] = "urn:uuid:" + credential.Id,
            ["state"] = credential.State.ToString().ToLowerInvariant(),
            ["statusPurpose"] = credential.StatusPurpose,
            ["statusList"] = credential.ListId,
            ["statusListIndex"] = credential.StatusIndex,
        };
        if (changed is { } value)
        {
            view["changed"] = value;
        }

        if (audit is not null)
        {
            view["audit"] = new JArray(audit.Select(a => new JObject { ["action"] = a.Action, ["actor"] = a.Actor, ["reason"] = a.Reason, ["at"] = a.At.ToString("O") }));
        }

        return view;
    }

    private static JObject? TryParse(string text)
    {
        try
        {
            return JObject.Parse(text);
        }
        catch (JsonReaderException)
        {
            return null;
        }
    }

    private static string Uuid(string id) => id.StartsWith("urn:uuid:", StringComparison.OrdinalIgnoreCase) ? id["urn:uuid:".Length..] : id;
}
