namespace Vigil.Model;

/// <summary>
/// A reviewer's decision that a list entry is a false positive for one screened entity: who, when,
/// why, and the fingerprint of the list entry as it was reviewed. When the entry changes on the
/// list (new alias, date of birth, identifier), the fingerprint no longer matches and the hit shows again.
/// </summary>
public sealed record HitSuppression(
    string EntityKey,
    string List,
    string ListId,
    string EntryFingerprint,
    string Reviewer,
    DateTimeOffset At,
    string Reason);
