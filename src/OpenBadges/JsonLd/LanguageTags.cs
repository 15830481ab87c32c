namespace OpenBadges.JsonLd;

/// <summary>The well-formedness test for BCP 47 language tags, in its simple form: subtags of 1 to 8 letters and digits.</summary>
internal static class LanguageTags
{
    /// <summary>True for <c>en</c>, <c>en-US</c>, <c>zh-Hant-TW</c>, <c>x-private</c>...: ALPHA{1,8} *("-" ALPHANUM{1,8}).</summary>
    public static bool IsWellFormed(string tag)
    {
        if (tag.Length == 0)
        {
            return false;
        }

        var subtags = tag.Split('-');
        for (var i = 0; i < subtags.Length; i++)
        {
            var subtag = subtags[i];
            if (subtag.Length is 0 or > 8)
            {
                return false;
            }

            foreach (var c in subtag)
            {
                if (!(i == 0 ? char.IsAsciiLetter(c) : char.IsAsciiLetterOrDigit(c)))
                {
                    return false;
                }
            }
        }

        return true;
    }
}
