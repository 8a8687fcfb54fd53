using Vigil.Model;

namespace Vigil.Analysis;

/// <summary>
/// Groups claims about the same event into stories, one document at a time, as documents arrive.
/// A claim joins the best-fitting existing story when they share parties (resolved across languages
/// and scripts), when their types describe the same kind of event, and when their dates do not
/// contradict each other; otherwise it opens a new story. Words are never compared, so an Italian
/// and a Korean report of one event meet through their resolved parties.
/// </summary>
/// <remarks>
/// Candidate stories come from an index of parties, and only the <see cref="MaxCandidatesPerParty"/>
/// most recent stories of each party are scored, so adding a claim costs a bounded amount of work
/// and clustering n claims grows linearly with n. Stories of a party that has been quiet for that
/// many newer stories are no longer extended: a late report of an old event opens a new story.
/// </remarks>
public sealed class StoryClusterer(EntityLookup lookup)
{
    /// <summary>A claim joins a story at or above this score (0..1; see <see cref="Score"/>).</summary>
    public const double JoinThreshold = 0.75;

    public const int MaxCandidatesPerParty = 32;

    private readonly List<ClaimCluster> _clusters = [];
    private readonly Dictionary<string, List<int>> _byParty = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _clusterOfClaim = new(StringComparer.Ordinal);

    public IReadOnlyList<ClaimCluster> Clusters => _clusters;

    /// <summary>The index into <see cref="Clusters"/> of the story a claim was placed in.</summary>
    public int ClusterOf(string claimId) => _clusterOfClaim[claimId];

    /// <summary>Adds one document's claims (in their order in the text).</summary>
    public void Add(IEnumerable<Claim> claims)
    {
        foreach (var claim in claims)
        {
            if (_clusterOfClaim.ContainsKey(claim.Id)) continue;
            var parties = claim.Actors.Select(lookup.KeyOf).Distinct(StringComparer.Ordinal).ToArray();
            var deniers = claim.DeniedBy.Select(lookup.KeyOf).ToArray();
            var best = -1;
            var bestScore = 0.0;
            foreach (var candidate in Candidates(parties))
            {
                var s = Score(claim, parties, deniers, _clusters[candidate]);
                if (s > bestScore || (s == bestScore && candidate > best)) { best = candidate; bestScore = s; }
            }
            if (best < 0 || bestScore < JoinThreshold)
            {
                best = _clusters.Count;
                _clusters.Add(new ClaimCluster(Ids.Derive("story", claim.Id)));
            }
            var cluster = _clusters[best];
            foreach (var p in cluster.Add(claim, parties, deniers))
            {
                if (!_byParty.TryGetValue(p, out var list)) _byParty[p] = list = [];
                list.Add(best);
            }
            _clusterOfClaim[claim.Id] = best;
        }
    }

    private IEnumerable<int> Candidates(string[] parties)
    {
        var seen = new HashSet<int>();
        foreach (var p in parties)
        {
            if (!_byParty.TryGetValue(p, out var list)) continue;
            for (var i = list.Count - 1; i >= 0 && i >= list.Count - MaxCandidatesPerParty; i--)
                if (seen.Add(list[i])) yield return list[i];
        }
    }

    /// <summary>
    /// 0.4 × how alike the event types are + 0.4 × the share of the claim's parties already in the
    /// story + 0.2 × date agreement (1 when a date agrees, 0.5 when either is undated); a date that
    /// contradicts every date of the story rules the story out. A denial joins the story whose claims
    /// name its author as a denier.
    /// </summary>
    internal static double Score(Claim claim, string[] parties, string[] deniers, ClaimCluster cluster)
    {
        if (parties.Length == 0) return 0;
        var shared = parties.Count(cluster.Parties.ContainsKey);
        if (shared == 0 || shared < Math.Min(2, parties.Length)) return 0;

        var affinity = cluster.Types.Max(t => TypeAffinity(claim.Type, t));
        double dateFit = 0.5;
        if (claim.Date?.Date is { } date && cluster.Dates.Count > 0)
        {
            if (!cluster.Dates.Any(d => d.IsCompatibleWith(date))) return 0;
            dateFit = 1;
        }
        var score = 0.4 * affinity + 0.4 * shared / parties.Length + 0.2 * dateFit;

        // "Russia and North Korea deny it": the denial belongs with the claims they are said to deny.
        if (claim.Type == ClaimType.Denial && parties.Any(cluster.Deniers.Contains)) score += 0.3;
        else if (deniers.Length > 0 && cluster.Types.Contains(ClaimType.Denial) && deniers.Any(cluster.DenialAuthors.Contains)) score += 0.3;
        if (affinity < 0.5 && score < 1) return 0;
        return Math.Min(1, score);
    }

    private static readonly ClaimType[] Summit = [ClaimType.Meeting, ClaimType.TreatySigned, ClaimType.Ratification];
    private static readonly ClaimType[] Exchange = [ClaimType.ArmsTransfer, ClaimType.Payment, ClaimType.ShipToShipTransfer, ClaimType.TroopDeployment];

    /// <summary>How likely two claim types describe one event: a summit and its treaty, arms and what was paid for them.</summary>
    internal static double TypeAffinity(ClaimType a, ClaimType b)
    {
        if (a == b) return 1;
        if (Summit.Contains(a) && Summit.Contains(b)) return 0.6;
        if (Exchange.Contains(a) && Exchange.Contains(b)) return 0.6;
        if ((a == ClaimType.Denial && (Exchange.Contains(b) || b == ClaimType.Other)) ||
            (b == ClaimType.Denial && (Exchange.Contains(a) || a == ClaimType.Other))) return 0.7;
        if (a == ClaimType.Statement || b == ClaimType.Statement) return 0.2;
        return 0.1;
    }
}

/// <summary>A story under construction: its claims and what they have in common.</summary>
public sealed class ClaimCluster(string id)
{
    private readonly List<Claim> _claims = [];

    public string Id { get; } = id;
    public IReadOnlyList<Claim> Claims => _claims;
    internal Dictionary<string, int> Parties { get; } = new(StringComparer.Ordinal);
    internal HashSet<ClaimType> Types { get; } = [];
    internal List<FuzzyDate> Dates { get; } = [];
    internal HashSet<string> Deniers { get; } = new(StringComparer.Ordinal);
    internal HashSet<string> DenialAuthors { get; } = new(StringComparer.Ordinal);

    /// <summary>Adds the claim; returns the parties new to this story (for the party index).</summary>
    internal List<string> Add(Claim claim, string[] parties, string[] deniers)
    {
        _claims.Add(claim);
        Types.Add(claim.Type);
        if (claim.Date?.Date is { } d && !Dates.Contains(d)) Dates.Add(d);
        foreach (var x in deniers) Deniers.Add(x);
        if (claim.Type == ClaimType.Denial) foreach (var p in parties) DenialAuthors.Add(p);
        var added = new List<string>();
        foreach (var p in parties)
        {
            if (Parties.TryGetValue(p, out var n)) Parties[p] = n + 1;
            else { Parties[p] = 1; added.Add(p); }
        }
        return added;
    }
}
