using OpenBadges.Model;
using OpenBadges.Oid4Vci;

namespace WalletIssuerSample;

/// <summary>The demo: the sample spec awarded to one learner.</summary>
public static class DemoAwards
{
    public const string Learner = "demo-learner";

    public static Award Create(string specPath, string issuerId)
    {
        var spec = MicroCredentialSpec.Parse(File.ReadAllText(specPath));
        var credential = spec.ToBuilder()
            .WithIssuer(issuerId, spec.Issuer?.Name ?? "Demo institution", spec.Issuer?.Url)   // the key's controller is the issuer
            .Build()
            .ToJObject();
        return new Award("demo-award", credential, LearnerId: Learner);
    }
}
