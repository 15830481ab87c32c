using System.Globalization;
using System.Text;
using Newtonsoft.Json.Linq;
using OpenBadges.Checks;
using OpenBadges.Model;
using OpenBadges.Verification;

namespace OpenBadges.Rendering;

/// <summary>
/// Renders a credential as one self-contained HTML page for a person: the European elements with Dutch or English
/// labels, the issuer, the verification result and a QR code to where it can be verified. No script, no external
/// resource (a Content-Security-Policy forbids both), one inline stylesheet with print rules for A4.
/// </summary>
public static class CertificatePage
{
    /// <summary>Verifies <paramref name="credential"/> (JSON, VC-JWT, PNG or SVG bytes) and renders the page.</summary>
    /// <param name="credential">The credential as the verifier accepts it.</param>
    /// <param name="verifier">The verifier (default: offline, as <c>openbadges verify</c>).</param>
    /// <param name="options">Language, verify URL and check time.</param>
    /// <param name="cancellationToken">Cancels the verification.</param>
    /// <exception cref="ArgumentException">The input holds no readable credential (the message says why), or the verify URL is not https.</exception>
    public static async Task<string> RenderAsync(ReadOnlyMemory<byte> credential, CredentialVerifier? verifier = null, CertificatePageOptions? options = null, CancellationToken cancellationToken = default)
    {
        var report = await (verifier ?? new CredentialVerifier()).VerifyAsync(credential, cancellationToken).ConfigureAwait(false);
        if (report.Credential is null)
        {
            throw RenderingErrors.NoReadableCredential(report.Find(CheckNames.Parse)?.Message ?? report.ToString(), nameof(credential));
        }

        return Render(report.Credential, report, options);
    }

    /// <summary>Renders <paramref name="credential"/> with the result of its verification, <paramref name="report"/>.</summary>
    /// <exception cref="ArgumentException"><see cref="CertificatePageOptions.VerifyUrl"/> is not an absolute https URL.</exception>
    public static string Render(JObject credential, VerificationReport report, CertificatePageOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(credential);
        ArgumentNullException.ThrowIfNull(report);
        options ??= new CertificatePageOptions();
        if (options.VerifyUrl is { } given && !(given.IsAbsoluteUri && given.Scheme == Uri.UriSchemeHttps))
        {
            throw RenderingErrors.VerifyUrlNotHttps(given, nameof(options));
        }

        var content = CertificateContentMapping.From(MicroCredentialView.Read(credential));
        var labels = CertificateLabels.For(options.Language ?? content.Language);
        var verifyUrl = options.VerifyUrl?.AbsoluteUri ?? HttpsOrNull(content.CredentialId);

        var html = new StringBuilder(16 * 1024);
        html.Append("<!DOCTYPE html>\n<html lang=\"").Append(labels.Language).Append("\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'\">\n")
            .Append("<meta name=\"referrer\" content=\"no-referrer\">\n")
            .Append("<title>").Append(Html.Encode(content.Title)).Append(content.IssuerName is null ? "" : " — " + Html.Encode(content.IssuerName)).Append("</title>\n")
            .Append("<style>\n").Append(CertificateStyles.Css).Append("\n</style>\n</head>\n<body>\n<main class=\"certificate\">\n");

        Header(html, content, labels);
        html.Append("<div class=\"top\">\n");
        Verification(html, report, labels, options.CheckedAt);
        Qr(html, verifyUrl, labels);
        html.Append("</div>\n");
        Elements(html, "mandatory", labels["mandatory"], labels["mandatory.note"], content.Mandatory, labels);
        if (content.Optional.Count > 0)
        {
            Elements(html, "optional", labels["optional"], null, content.Optional, labels);
        }

        html.Append("<footer><p>").Append(Html.Encode(labels.Term("footer", content.CredentialId ?? "—"))).Append("</p></footer>\n");
        html.Append("</main>\n</body>\n</html>\n");
        return html.ToString();
    }

    private static void Header(StringBuilder html, CertificateContent content, CertificateLabels labels)
    {
        html.Append("<header>\n<p class=\"kind\">").Append(Html.Encode(content.IsEuropeanMicroCredential ? labels["kind.emc"] + " · " + labels["kind.badge"] : labels["kind.badge"])).Append("</p>\n")
            .Append("<h1>").Append(Html.Encode(content.Title)).Append("</h1>\n<p class=\"awarded\">");
        var issuer = content.IssuerName ?? content.IssuerId;
        if (issuer is not null)
        {
            html.Append(Html.Encode(labels["awardedBy"])).Append(" <strong>").Append(Html.Encode(issuer)).Append("</strong>");
        }

        if (FormatDate(content.IssuedOn, labels) is { } date)
        {
            html.Append(issuer is null ? "" : " · ").Append(Html.Encode(labels["issuedOn"])).Append(' ').Append(Html.Encode(date));
        }

        html.Append("</p>\n");
        if (content.Description is not null)
        {
            html.Append("<p class=\"description\">").Append(Html.Encode(content.Description)).Append("</p>\n");
        }

        html.Append("</header>\n");
    }

    private static void Verification(StringBuilder html, VerificationReport report, CertificateLabels labels, DateTimeOffset? checkedAt)
    {
        var kind = report.Verdict switch
        {
            Verdict.Valid => "valid",
            Verdict.Invalid => "invalid",
            _ => "indeterminate",
        };
        var mark = report.Verdict switch
        {
            Verdict.Valid => "✓",
            Verdict.Invalid => "✗",
            _ => "?",
        };
        html.Append("<section class=\"verification ").Append(kind).Append("\" aria-labelledby=\"verification-title\">\n")
            .Append("<h2 id=\"verification-title\">").Append(Html.Encode(labels["verification"])).Append("</h2>\n")
            .Append("<p class=\"verdict\"><span aria-hidden=\"true\">").Append(mark).Append("</span> ")
            .Append(Html.Encode(labels["verdict." + (report.Verdict == Verdict.Valid ? "Valid" : report.Verdict == Verdict.Invalid ? "Invalid" : "Indeterminate")])).Append("</p>\n");
        CheckList(html, labels["failed"], report.Checks.Where(c => c.Status == CheckStatus.Failed));
        CheckList(html, labels["undecided"], report.Checks.Where(c => c.Status == CheckStatus.CouldNotCheck));
        html.Append("<p>").Append(Html.Encode(checkedAt is { } at ? labels.Term("checkedAt", FormatDate(at, labels)) : labels["checkedBy"])).Append("</p>\n</section>\n");
    }

    private static void CheckList(StringBuilder html, string title, IEnumerable<VerificationCheck> checks)
    {
        var list = checks.ToList();
        if (list.Count == 0)
        {
            return;
        }

        html.Append("<p>").Append(Html.Encode(title)).Append(":</p>\n<ul>\n");
        foreach (var check in list)
        {
            html.Append("<li><strong>").Append(Html.Encode(check.Name)).Append("</strong>: ").Append(Html.Encode(check.Message)).Append("</li>\n");
        }

        html.Append("</ul>\n");
    }

    private static void Qr(StringBuilder html, string? url, CertificateLabels labels)
    {
        html.Append("<aside class=\"qr\" aria-labelledby=\"qr-heading\">\n<h2 id=\"qr-heading\" class=\"note\">").Append(Html.Encode(labels["qr.title"])).Append("</h2>\n");
        if (url is null)
        {
            html.Append("<p>").Append(Html.Encode(labels["qr.none"])).Append("</p>\n</aside>\n");
            return;
        }

        html.Append(QrCodeSvg.Create(url, labels.Term("qr.alt", url))).Append('\n')
            .Append("<p>").Append(Html.Encode(labels["qr.scan"])).Append("<br><a href=\"").Append(Html.Encode(url)).Append("\">").Append(Html.Encode(url)).Append("</a></p>\n</aside>\n");
    }

    private static void Elements(StringBuilder html, string id, string title, string? note, IReadOnlyList<CertificateElement> elements, CertificateLabels labels)
    {
        html.Append("<section aria-labelledby=\"").Append(id).Append("-title\">\n<h2 id=\"").Append(id).Append("-title\">").Append(Html.Encode(title)).Append("</h2>\n");
        if (note is not null)
        {
            html.Append("<p class=\"note\">").Append(Html.Encode(note)).Append("</p>\n");
        }

        html.Append("<dl class=\"elements\">\n");
        foreach (var element in elements)
        {
            html.Append("<div class=\"element\" data-element=\"").Append(element.Code).Append("\" data-source=\"").Append(Html.Encode(element.SourcePath)).Append("\">")
                .Append("<dt><span class=\"code\">").Append(element.Code).Append("</span> ").Append(Html.Encode(labels[element.Code])).Append("</dt><dd>");
            if (element.Values.Count == 0)
            {
                html.Append("<span class=\"missing\">").Append(Html.Encode(labels["missing"])).Append("</span>");
            }
            else if (element.Values.Count == 1)
            {
                Value(html, element.Values[0], labels);
            }
            else
            {
                html.Append("<ul>");
                foreach (var value in element.Values)
                {
                    html.Append("<li>");
                    Value(html, value, labels);
                    html.Append("</li>");
                }

                html.Append("</ul>");
            }

            html.Append("</dd></div>\n");
        }

        html.Append("</dl>\n</section>\n");
    }

    private static void Value(StringBuilder html, CertificateValue value, CertificateLabels labels)
    {
        var text = value.Term is { } term && term.StartsWith("date.", StringComparison.Ordinal)
            ? FormatDate(value.Text, labels) ?? value.Text
            : labels.Term(value.Term, value.Text);
        if (value.Url is not null)
        {
            html.Append("<a href=\"").Append(Html.Encode(value.Url)).Append("\">").Append(Html.Encode(text)).Append("</a>");
        }
        else
        {
            html.Append(Html.Encode(text));
        }

        if (value.Detail is not null)
        {
            html.Append(" <span class=\"detail\">— ").Append(Html.Encode(value.Detail)).Append("</span>");
        }
    }

    private static string? FormatDate(string? text, CertificateLabels labels) =>
        text is not null && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var date) ? FormatDate(date, labels) : null;

    // The date as the credential states it (its own offset), with month names written out: no culture data needed.
    private static string FormatDate(DateTimeOffset date, CertificateLabels labels) =>
        $"{date.Day} {labels.Months[date.Month - 1]} {date.Year}";

    private static string? HttpsOrNull(string? id) =>
        id is not null && Uri.TryCreate(id, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps ? uri.AbsoluteUri : null;
}
