using Newtonsoft.Json.Linq;

namespace OpenBadges.Rendering;

/// <summary>
/// The one seam between the page and the credential's JSON: reads the European elements into
/// <see cref="CertificateContent"/>.
/// </summary>
/// <remarks>
/// MERGE NOTE: <see cref="JsonCertificateContentReader"/> is this package's own small reader, written while the library's
/// <c>MicroCredentialView.Read(credential)</c> (branch <c>elm</c>) was not merged. Once it is, replace the reader with
/// one that maps <c>MicroCredentialView</c>'s typed elements (and their source paths) to <see cref="CertificateContent"/>,
/// and change <see cref="CertificatePage.Reader"/> to it; nothing else in the page depends on the JSON.
/// </remarks>
internal interface ICertificateContentReader
{
    CertificateContent Read(JObject credential);
}
