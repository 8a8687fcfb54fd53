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

    // Every story ever opened; a story merged into another forwards to it (union-find), so the
    // party index never has to be rewritten when two stories turn out to be one.
    private readonly List<ClaimCluster> _all = [];
    private readonly List<int> _forward = [];
    private readonly Dictionary<string, List<int>> _byParty = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _clusterOfClaim = new(StringComparer.Ordinal);
    private List<ClaimCluster>? _live;
    private Dictionary<ClaimCluster, int>? _liveIndex;

    /// <summary>The stories, oldest first (stories merged into an older one are gone).</summary>
    public IReadOnlyList<ClaimCluster> Clusters => _live ??= _all.Where((_, i) => Root(i) == i).ToList();

    /// <summary>The index into <see cref="Clusters"/> of the story a claim was placed in.</summary>
    public int ClusterOf(string claimId)
    {
        _liveIndex ??= Clusters.Select((c, i) => (c, i)).ToDictionary(x => x.c, x => x.i);
        return _liveIndex[_all[Root(_clusterOfClaim[claimId])]];
    }

    /// <summary>Adds one document's claims (in their order in the text).</summary>
    public void Add(IEnumerable<Claim> claims)
    {
        _live = null;
        _liveIndex = null;
        foreach (var claim in claims)
        {
            if (_clusterOfClaim.ContainsKey(claim.Id)) continue;
            var parties = claim.Actors.Select(lookup.KeyOf).Distinct(StringComparer.Ordinal).ToArray();
            var deniers = claim.DeniedBy.Select(lookup.KeyOf).ToArray();
            var fitting = new List<(int Cluster, double Score)>();
            foreach (var candidate in Candidates(parties))
            {
                var s = Score(claim, parties, deniers, _all[candidate]);
                if (s >= JoinThreshold) fitting.Add((candidate, s));
            }

            int target;
            if (fitting.Count == 0)
            {
                target = _all.Count;
                _all.Add(new ClaimCluster(Ids.Derive("story", claim.Id)));
                _forward.Add(target);
            }
            else
            {
                // Other stories the claim fits as well are the same event reported with different
                // parties (the leaders in one report, their countries in another): they merge into
                // the oldest of them, which keeps its id, unless their dates disagree.
                var best = fitting.MaxBy(f => (f.Score, f.Cluster)).Cluster;
                target = fitting.Min(f => f.Cluster);
                foreach (var (other, _) in fitting)
                    if (other != target && _all[target].DatesAgreeWith(_all[other])) Merge(other, target);
                if (Root(best) != target) target = best;
            }
            Index(target, _all[target].Add(claim, parties, deniers));
            _clusterOfClaim[claim.Id] = target;
        }
    }

    private int Root(int i)
    {
        while (_forward[i] != i) i = _forward[i] = _forward[_forward[i]];
        return i;
    }

    private void Merge(int from, int into)
    {
        _forward[from] = into;
        Index(into, _all[into].Absorb(_all[from]));
    }

    private void Index(int cluster, List<string> newParties)
    {
        foreach (var p in newParties)
        {
            if (!_byParty.TryGetValue(p, out var list)) _byParty[p] = list = [];
            list.Add(cluster);
        }
    }

    private IEnumerable<int> Candidates(string[] parties)
    {
        var seen = new HashSet<int>();
        foreach (var p in parties)
        {
            if (!_byParty.TryGetValue(p, out var list)) continue;
            for (var i = list.Count - 1; i >= 0 && i >= list.Count - MaxCandidatesPerParty; i--)
                if (seen.Add(Root(list[i]))) yield return Root(list[i]);
        }
    }

    /// <summary>
    /// 0.4 × how alike the event types are + 0.4 × the parties the claim and the story share, as a share
    /// of the smaller of the two sets + 0.2 × date agreement (1 when a date agrees, 0.5 when either is undated); a date that
    /// contradicts every date of the story rules the story out. A denial joins the story whose claims
    /// name its author as a denier. An undated claim joins a story that already holds a claim of the
    /// same type from the same report when they share a party: one article names the signatories in
    /// its headline and their countries in its first line, and both are the one signing it reports.
    /// </summary>
    internal static double Score(Claim claim, string[] parties, string[] deniers, ClaimCluster cluster)
    {
        if (parties.Length == 0) return 0;
        var shared = parties.Count(cluster.Parties.ContainsKey);
        if (shared == 0) return 0;
        var sameReport = claim.Date?.Date is null && cluster.Holds(claim.DocumentId, claim.Type);
        if (shared < Math.Min(2, parties.Length) && !sameReport) return 0;

        var affinity = cluster.Types.Max(t => TypeAffinity(claim.Type, t));
        double dateFit = 0.5;
        if (claim.Date?.Date is { } date && cluster.Dates.Count > 0)
        {
            if (!cluster.Dates.Any(d => d.IsCompatibleWith(date))) return 0;
            dateFit = 1;
        }
        // A dated claim and a story no date places: nothing confirms they are one event, so every party
        // of the claim must be in the story ("the treaties Moscow and Pyongyang signed in 1961" stays apart).
        else if (claim.Date?.Date is not null && shared < parties.Length) return 0;
        var score = 0.4 * affinity + 0.4 * shared / Math.Min(parties.Length, cluster.Parties.Count) + 0.2 * dateFit;
        if (sameReport) score = Math.Max(score, JoinThreshold);

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

    private readonly HashSet<(string Document, ClaimType Type)> _reports = [];

    /// <summary>Whether the story holds a claim of this type from this document.</summary>
    internal bool Holds(string documentId, ClaimType type) => _reports.Contains((documentId, type));

    /// <summary>Whether every date of either story fits some date of the other (undated stories fit anything).</summary>
    internal bool DatesAgreeWith(ClaimCluster other) =>
        Dates.Count == 0 || other.Dates.Count == 0 ||
        (other.Dates.All(d => Dates.Any(d.IsCompatibleWith)) && Dates.All(d => other.Dates.Any(d.IsCompatibleWith)));

    /// <summary>Adds the claim; returns the parties new to this story (for the party index).</summary>
    internal List<string> Add(Claim claim, string[] parties, string[] deniers)
    {
        _claims.Add(claim);
        _reports.Add((claim.DocumentId, claim.Type));
        Types.Add(claim.Type);
        if (claim.Date?.Date is { } d && !Dates.Contains(d)) Dates.Add(d);
        foreach (var x in deniers) Deniers.Add(x);
        if (claim.Type == ClaimType.Denial) foreach (var p in parties) DenialAuthors.Add(p);
        return CountParties(parties, 1);
    }

    /// <summary>Takes over every claim of a story found to report the same event; returns the parties new to this story.</summary>
    internal List<string> Absorb(ClaimCluster other)
    {
        _claims.AddRange(other._claims);
        _reports.UnionWith(other._reports);
        Types.UnionWith(other.Types);
        foreach (var d in other.Dates) if (!Dates.Contains(d)) Dates.Add(d);
        Deniers.UnionWith(other.Deniers);
        DenialAuthors.UnionWith(other.DenialAuthors);
        var added = new List<string>();
        foreach (var (party, n) in other.Parties) added.AddRange(CountParties([party], n));
        return added;
    }

    private List<string> CountParties(IEnumerable<string> parties, int times)
    {
        var added = new List<string>();
        foreach (var p in parties)
        {
            if (Parties.TryGetValue(p, out var n)) Parties[p] = n + times;
            else { Parties[p] = times; added.Add(p); }
        }
        return added;
    }
}
