// An issuing endpoint an LMS plugin calls when a learner completes a course.
//   POST /credentials                 {courseId, learner {id|email|studentNumber}, grade?, completedOn?} → 201 + signed credential
//   GET  /credentials/{id}            the signed credential
//   POST /credentials/{id}/revoke     sets its bit in the revocation status list
//   GET  /status/{list}               the signed Bitstring Status List credential verifiers fetch
// Run: dotnet run --project samples/LmsIssuingEndpoint   (configure OpenBadges:KeyFile first; see README.md here)
using System.Text;
using LmsIssuingEndpoint;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using OpenBadges.Model;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddSingleton(builder.Configuration.GetSection("OpenBadges:Issuer").Get<IssuerSettings>() ?? new IssuerSettings());
builder.Services.AddSingleton(new CourseCatalogue
{
    Courses = builder.Configuration.GetSection("Courses").Get<Dictionary<string, Course>>() is { } courses
        ? new Dictionary<string, Course>(courses, StringComparer.OrdinalIgnoreCase)
        : new Dictionary<string, Course>(StringComparer.OrdinalIgnoreCase),
});
builder.Services.AddSingleton(services => IssuerKey.Load(
    services.GetRequiredService<IConfiguration>(),
    services.GetRequiredService<IHostEnvironment>(),
    services.GetRequiredService<ILoggerFactory>().CreateLogger("OpenBadges")));
builder.Services.AddSingleton<StatusLists>();
builder.Services.AddSingleton<CredentialIssuer>();
builder.Services.AddProblemDetails();

var app = builder.Build();
app.UseExceptionHandler();

app.MapPost("/credentials", async (IssueRequest? request, CredentialIssuer issuer, HttpContext http, CancellationToken cancellationToken) =>
{
    if (request is null)
    {
        return Results.ValidationProblem(new Dictionary<string, string[]> { ["body"] = ["send a JSON body: {courseId, learner: {id|email|studentNumber}, grade?, completedOn?}."] });
    }

    var errors = issuer.Validate(request);
    if (errors.Count > 0)
    {
        return Results.ValidationProblem(errors, title: "The credential request is not valid.");
    }

    IssuedCredential issued;
    try
    {
        issued = await issuer.IssueAsync(request, cancellationToken);
    }
    catch (MicroCredentialValidationException e)
    {
        // The builder's own rules (e.g. a learner id that is not a DID or URL), keyed by element and credential path.
        return Results.ValidationProblem(
            e.Problems.GroupBy(p => $"{p.Element} {p.JsonPath}").ToDictionary(g => g.Key, g => g.Select(p => p.Rule).ToArray()),
            title: "The micro-credential would not be complete.");
    }

    http.Response.Headers.Location = $"/credentials/{issued.Id}";
    return Json(issued.Signed, StatusCodes.Status201Created);
});

app.MapGet("/credentials/{id}", (string id, CredentialIssuer issuer) =>
    issuer.Find(id) is { } issued ? Json(issued.Signed) : Results.NotFound());

app.MapPost("/credentials/{id}/revoke", (string id, CredentialIssuer issuer, StatusLists lists) =>
    issuer.Revoke(id) is { } revoked
        ? Json(new JObject
        {
            ["id"] = "urn:uuid:" + revoked.Id,
            ["revoked"] = true,
            ["statusListCredential"] = lists.UrlOf(revoked.StatusList),
            ["statusListIndex"] = revoked.StatusIndex,
        })
        : Results.NotFound());

app.MapGet("/status/{list}", async (string list, StatusLists lists, CancellationToken cancellationToken) =>
    await lists.GetSignedAsync(list, cancellationToken) is { } signed ? Json(signed) : Results.NotFound());

app.Run();

// Credentials are Newtonsoft JObjects (their exact JSON is what the signature covers): write them as they are.
static IResult Json(JObject json, int status = StatusCodes.Status200OK) =>
    Results.Text(json.ToString(Formatting.Indented), "application/json", Encoding.UTF8, status);

/// <summary>Exposed so the tests can host the endpoint in-process (WebApplicationFactory).</summary>
public partial class Program;
