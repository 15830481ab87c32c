namespace OpenBadges.Model;

/// <summary>
/// O2, type of supervision and identity verification during assessment (Annex I), written as SURF edubadges' phrases.
/// Two of the four include an identity check; <c>identityChecked</c> must agree (see <see cref="MicroCredentialVocabulary.ChecksIdentity"/>).
/// </summary>
public enum SupervisionType
{
    /// <summary><c>unsupervised with no identity verification</c>.</summary>
    UnsupervisedWithNoIdentityVerification = 1,

    /// <summary><c>supervised with no identity verification</c>.</summary>
    SupervisedWithNoIdentityVerification,

    /// <summary><c>supervised online</c> (with identity verification).</summary>
    SupervisedOnline,

    /// <summary><c>onsite with identity verification</c>.</summary>
    OnsiteWithIdentityVerification,
}
