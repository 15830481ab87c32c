// An institution's OpenID4VCI issuer: wallets collect awarded Open Badges over the pre-authorized code flow.
// Run:   dotnet run --project samples/Oid4VciIssuer -- --urls http://127.0.0.1:5081 --demo
// With --demo it awards samples/specs/dutch-he-example.json to a demo learner and prints the offer, on a line of its
// own, as `offer: openid-credential-offer://?credential_offer=…`, plus a QR code of it (by reference) for a phone.
//   GET  /.well-known/openid-credential-issuer   metadata          POST /token     pre-authorized code → access token
//   POST /nonce                                  c_nonce           POST /credential  key proof → signed credential
//   POST /offers/{awardId}[?txCode=true]         a new offer for a stored award (an institution's back office calls this)
using OpenBadges.Keys;
using OpenBadges.Oid4Vci;
using OpenBadges.Oid4Vci.VcApi;

var demo = args.Contains("--demo");
var builder = WebApplication.CreateBuilder(args.Where(a => a != "--demo").ToArray());
var url = (builder.Configuration["urls"] ?? "http://127.0.0.1:5081").Split(';')[0];

// The signing key: OpenBadges:KeyFile (an `openbadges keygen` file) in production; a throwaway did:key otherwise.
var keyFile = builder.Configuration["OpenBadges:KeyFile"];
using var key = keyFile is { Length: > 0 } ? Ed25519KeyFile.Load(keyFile) : Ed25519KeyFile.Generate();

var awards = new InMemoryAwardStore();   // an institution plugs its issuing service in here (IAwardStore)
builder.Services.AddOpenId4VciIssuer(new Oid4VciIssuerOptions
{
    CredentialIssuer = new Uri(url),
    Signer = key.CreateSigner(),
    DisplayName = "Hogeschool Rijnland micro-credential",
}, awards);

var app = builder.Build();
app.MapOpenId4VciIssuer();
app.MapVcApiExchanges();         // the Learner Credential Wallet's VC-API exchanges, same awards and key
app.MapVcApiExchangeCreation();  // POST /exchanges {"awardId": …} → exchange URL, interaction URL, wallet link
var issuer = app.Services.GetRequiredService<Oid4VciIssuer>();

app.MapPost("/offers/{awardId}", (string awardId, bool? txCode) =>
{
    var offer = issuer.CreateOffer(awardId, requireTxCode: txCode == true);
    return Results.Json(new { offer = offer.ByValueUri, offerByReference = offer.ByReferenceUri, txCode = offer.TxCode });
});

if (demo)
{
    var specPath = Path.Combine(AppContext.BaseDirectory, "dutch-he-example.json");
    var spec = OpenBadges.Model.MicroCredentialSpec.Parse(File.ReadAllText(specPath));
    var credential = spec.ToBuilder()
        .WithIssuer(key.Controller, spec.Issuer?.Name ?? "Demo institution", spec.Issuer?.Url)   // the key's controller is the issuer
        .Build()
        .ToJObject();
    awards.Put(new Award("demo-learner", credential));
    var offer = issuer.CreateOffer("demo-learner");
    app.Lifetime.ApplicationStarted.Register(() =>
    {
        Console.WriteLine($"offer: {offer.ByValueUri}");
        Console.WriteLine(CredentialOffer.QrText(offer.ByReferenceUri));
    });
}

app.Run();
