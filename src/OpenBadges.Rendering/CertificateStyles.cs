namespace OpenBadges.Rendering;

/// <summary>The page's one stylesheet, inline: screen (an A4 sheet on a grey desk) and print (A4, no background).</summary>
internal static class CertificateStyles
{
    // Local fonts only (no web font: the page fetches nothing). DejaVu/Liberation are what Debian and most Linux have.
    public const string Css = """
        :root { color-scheme: light; --ink: #1d2430; --muted: #535c69; --accent: #1f4e8c; --line: #dde2e8;
                --ok: #17663a; --ok-bg: #e8f5ec; --bad: #a11d1d; --bad-bg: #fbeaea; --warn: #7a5200; --warn-bg: #fdf3dc; }
        * { box-sizing: border-box; }
        html { background: #e9edf2; }
        body { margin: 0; font-family: "DejaVu Sans", "Liberation Sans", Arial, Helvetica, sans-serif; color: var(--ink);
               font-size: 14px; line-height: 1.45; }
        .certificate { width: 210mm; min-height: 297mm; margin: 16px auto; background: #fff; padding: 14mm 15mm 10mm;
                       border-top: 7px solid var(--accent); box-shadow: 0 1px 4px rgba(0, 0, 0, .18); }
        .kind { margin: 0 0 3px; font-size: 12px; font-weight: bold; letter-spacing: .08em; text-transform: uppercase; color: var(--accent); }
        h1 { margin: 0 0 6px; font-size: 27px; line-height: 1.2; }
        h2 { margin: 0 0 2mm; font-size: 17px; }
        .awarded { margin: 0; color: var(--muted); }
        .description { margin: 4mm 0 0; }
        .top { display: grid; grid-template-columns: 1fr 42mm; gap: 7mm; align-items: start; margin: 6mm 0; }
        .verification { border-left: 6px solid; padding: 3mm 4mm; border-radius: 2px; }
        .verification.valid { border-color: var(--ok); background: var(--ok-bg); }
        .verification.invalid { border-color: var(--bad); background: var(--bad-bg); }
        .verification.indeterminate { border-color: var(--warn); background: var(--warn-bg); }
        .verdict { margin: 0 0 1.5mm; font-weight: bold; font-size: 15px; }
        .valid .verdict { color: var(--ok); } .invalid .verdict { color: var(--bad); } .indeterminate .verdict { color: var(--warn); }
        .verification p, .verification ul { margin: 1mm 0 0; }
        .verification ul { padding-left: 1.2em; }
        .qr { text-align: center; font-size: 10.5px; color: var(--muted); }
        .qr svg { display: block; width: 38mm; height: 38mm; margin: 0 auto 1.5mm; }
        .qr p { margin: 0; }
        .qr a { color: var(--accent); word-break: break-all; }
        .elements { margin: 0 0 5mm; border-top: 1px solid var(--line); }
        .element { display: grid; grid-template-columns: 58mm 1fr; gap: 4mm; padding: 1.8mm 0; border-bottom: 1px solid var(--line); break-inside: avoid; }
        .element dt { font-weight: bold; }
        .element dd { margin: 0; overflow-wrap: anywhere; }
        .detail { color: var(--muted); }
        .element ul { margin: 0; padding-left: 1.1em; }
        .code { display: inline-block; min-width: 9mm; color: var(--accent); }
        .missing { color: var(--bad); font-style: italic; }
        .note { margin: -1mm 0 2mm; color: var(--muted); font-size: 12px; }
        a { color: var(--accent); }
        footer { margin-top: 6mm; padding-top: 2mm; border-top: 1px solid var(--line); font-size: 10.5px; color: var(--muted); word-break: break-all; }
        @page { size: A4; margin: 12mm; }
        @media print {
          html { background: none; }
          body { font-size: 12.5px; }
          .certificate { width: auto; min-height: 0; margin: 0; padding: 0; box-shadow: none; border-top-width: 4px; }
          .verification, .element, .qr { break-inside: avoid; }
          a { text-decoration: none; }
        }
        """;
}
