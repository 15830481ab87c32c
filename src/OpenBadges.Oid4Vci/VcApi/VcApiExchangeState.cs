namespace OpenBadges.Oid4Vci.VcApi;

/// <summary>The states VCALM names for an exchange.</summary>
public enum VcApiExchangeState
{
    /// <summary>Created; no wallet has asked for the presentation request yet.</summary>
    Pending,

    /// <summary>A wallet has the presentation request; the DIDAuth response has not been accepted yet.</summary>
    Active,

    /// <summary>The credential was issued; the exchange answers nothing more.</summary>
    Complete,

    /// <summary>Too many refused presentations, or the award is gone: the exchange answers nothing more.</summary>
    Invalid,
}
