namespace OpenBadges.Issuer.Storage;

/// <summary>
/// Which status changes are allowed. Revocation is permanent. Suspension and reinstatement need a credential issued
/// with a suspension entry (a revocation entry has no way to say "suspended"). Revoking a credential issued with a
/// suspension entry sets its suspension bit for good: verifiers see it as suspended, and it is never reinstated.
/// </summary>
internal static class StatusTransitions
{
    public static (CredentialState Next, string? Refusal) Next(StoredCredential current, StatusAction action) => action switch
    {
        StatusAction.Revoke => (CredentialState.Revoked, null),
        StatusAction.Suspend when current.StatusPurpose != "suspension" =>
            (current.State, "The credential was issued with a revocation status entry: it can be revoked, not suspended."),
        StatusAction.Suspend when current.State == CredentialState.Revoked => (current.State, "The credential is revoked; revocation is permanent."),
        StatusAction.Suspend => (CredentialState.Suspended, null),
        StatusAction.Reinstate when current.State == CredentialState.Revoked => (current.State, "The credential is revoked; revocation is permanent and cannot be reinstated."),
        StatusAction.Reinstate when current.StatusPurpose != "suspension" => (current.State, null),
        StatusAction.Reinstate => (CredentialState.Active, null),
        _ => throw IssuerErrors.UnknownStatusAction(nameof(action), action),
    };
}
