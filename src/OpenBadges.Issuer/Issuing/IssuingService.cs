using Microsoft.Extensions.Logging;
using Newtonsoft.Json;
using OpenBadges.Issuer.Hosting;
using OpenBadges.Issuer.Status;
using OpenBadges.Issuer.Storage;
using OpenBadges.Model;
using OpenBadges.Proofs;

namespace OpenBadges.Issuer.Issuing;

/// <summary>
/// Issues one award: checks it, answers with the stored credential when the same award was issued before (same
/// idempotency key, or same learner + achievement + award date), else takes a status slot in the database, builds,
/// signs and stores the credential. A crash at any point leaves either no row or a whole row: the slot counter only
/// grows, so a slot taken by a request that never stored its credential is skipped, never handed out again.
/// </summary>
public sealed partial class IssuingService(IIssuerStore store, CredentialFactory factory, StatusListPublisher lists, IssuerKey key, IssuerOptions options, TimeProvider time, ILogger<IssuingService> logger)
{
    /// <summary>Issues (or finds) the credential for <paramref name="request"/>.</summary>
    public async Task<IssueResult> IssueAsync(IssueRequest request, string? idempotencyKey, string actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var errors = factory.Validate(request);
        if (idempotencyKey is { Length: > 200 })
        {
            errors["Idempotency-Key"] = ["an idempotency key has at most 200 characters."];
        }

        if (errors.Count > 0)
        {
            return new IssueResult(IssueOutcome.Invalid, null, errors, "The credential request is not valid.");
        }

        var now = time.GetUtcNow();
        var naturalKey = factory.NaturalKey(request, now);
        if (idempotencyKey is not null && await store.FindByIdempotencyKeyAsync(idempotencyKey, cancellationToken).ConfigureAwait(false) is { } replay)
        {
            return replay.NaturalKey == naturalKey
                ? new IssueResult(IssueOutcome.Existing, replay)
                : new IssueResult(IssueOutcome.KeyConflict, replay, new Dictionary<string, string[]> { ["Idempotency-Key"] = ["this idempotency key was used for a different award (learner, achievement or award date)."] },
                    "The idempotency key was used before for a different request.");
        }

        if (await store.FindByNaturalKeyAsync(naturalKey, cancellationToken).ConfigureAwait(false) is { } same)
        {
            return new IssueResult(IssueOutcome.Existing, same);
        }

        var purpose = request.StatusPurpose ?? options.DefaultStatusPurpose;
        var slot = await store.AllocateStatusSlotAsync(purpose, options.StatusListLength, cancellationToken).ConfigureAwait(false);
        var uuid = Guid.NewGuid().ToString("D");
        Newtonsoft.Json.Linq.JObject credential;
        try
        {
            credential = factory.Build(request, uuid, key.IssuerId, CredentialFactory.StatusEntry(lists.UrlOf(slot.ListId), slot.Index, purpose), now);
        }
        catch (MicroCredentialValidationException e)
        {
            // The builder's own rules (e.g. a learner id that is not a DID or URL), keyed by element and credential path.
            return new IssueResult(IssueOutcome.Invalid, null,
                e.Problems.GroupBy(p => $"{p.Element} {p.JsonPath}").ToDictionary(g => g.Key, g => g.Select(p => p.Rule).ToArray()),
                "The micro-credential would not be complete.");
        }

        var proof = await DataIntegritySigner.CreateProofAsync(credential, key.Signer, Cryptosuites.EddsaRdfc2022, new ProofOptions { Created = now }, cancellationToken).ConfigureAwait(false);
        DataIntegritySigner.AttachProof(credential, proof, Cryptosuites.EddsaRdfc2022);
        var stored = await store.InsertCredentialAsync(
            new NewCredential(uuid, idempotencyKey, naturalKey, CredentialFactory.LearnerKey(request.Learner!), factory.AchievementOf(request), CredentialFactory.AwardDate(request, now),
                now, slot, credential.ToString(Formatting.None), actor),
            CancellationToken.None).ConfigureAwait(false);   // once signed, store it even if the caller went away: a retry then finds it
        if (stored.Inserted)
        {
            LogIssued(stored.Credential.Id, slot.ListId, slot.Index, purpose, actor);
            return new IssueResult(IssueOutcome.Created, stored.Credential);
        }

        LogRaceLost(slot.ListId, slot.Index, stored.Credential.Id);
        return stored.Credential.NaturalKey == naturalKey
            ? new IssueResult(IssueOutcome.Existing, stored.Credential)
            : new IssueResult(IssueOutcome.KeyConflict, stored.Credential, new Dictionary<string, string[]> { ["Idempotency-Key"] = ["this idempotency key was used for a different award."] },
                "The idempotency key was used before for a different request.");
    }

    /// <summary>Issues every item of a batch, <see cref="IssuerOptions.BatchParallelism"/> at a time; results in item order.</summary>
    public async Task<IReadOnlyList<IssueResult>> IssueBatchAsync(IReadOnlyList<IssueRequest> items, string? batchKey, string actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(items);
        var results = new IssueResult[items.Count];
        await Parallel.ForAsync(0, items.Count, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, options.BatchParallelism), CancellationToken = cancellationToken }, async (i, token) =>
        {
            var item = items[i];
            var itemKey = item.IdempotencyKey ?? (batchKey is null ? null : $"{batchKey}:{i}");
            results[i] = await IssueAsync(item, itemKey, actor, token).ConfigureAwait(false);
        }).ConfigureAwait(false);
        return results;
    }

    /// <summary>Revokes, suspends or reinstates; the change and its reason go to the audit log.</summary>
    public async Task<StatusChangeResult> ChangeStatusAsync(string credentialId, StatusAction action, string actor, string? reason, CancellationToken cancellationToken)
    {
        var result = await store.ChangeStatusAsync(credentialId, action, actor, reason, time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        LogStatusChange(credentialId, action, result.Outcome, actor);
        return result;
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Issued credential {CredentialId} (status list {ListId}, index {StatusIndex}, {StatusPurpose}) for {Actor}")]
    private partial void LogIssued(string credentialId, long listId, int statusIndex, string statusPurpose, string actor);

    [LoggerMessage(EventId = 2, Level = LogLevel.Information, Message = "Status slot {ListId}/{StatusIndex} left unused: credential {CredentialId} was stored first for the same award")]
    private partial void LogRaceLost(long listId, int statusIndex, string credentialId);

    [LoggerMessage(EventId = 3, Level = LogLevel.Information, Message = "Status change {Action} of credential {CredentialId}: {Outcome} (by {Actor})")]
    private partial void LogStatusChange(string credentialId, StatusAction action, StatusChangeOutcome outcome, string actor);
}
