namespace Vigil.Screening.Matching;

/// <summary>One query token paired with one (or, when joined, two) candidate tokens.</summary>
internal readonly record struct TokenPair(string Query, string Candidate, double Similarity, TokenMatchKind Kind);

/// <summary>The comparison of one query spelling with one listed name.</summary>
internal sealed record NameComparison(double Score, double QueryCoverage, double CandidateCoverage, IReadOnlyList<TokenPair> Pairs, IReadOnlyList<string> UnmatchedQuery, IReadOnlyList<string> UnmatchedCandidate);

/// <summary>A query spelling prepared once: tokens, their keys and weights.</summary>
internal sealed record QueryName(string[] Tokens, bool[] IsLegalForm, TokenKeys[] Keys, double[] Weights, bool Transliterated);

/// <summary>A listed name's tokens as the comparer sees them (vocabulary ids are −1 for tokens outside the lists).</summary>
internal sealed record CandidateName(string Original, string[] Tokens, int[] TokenIds, bool[] IsLegalForm, double[] Weights);

/// <summary>
/// Scores a query name against a listed name, order-independently: each query token is paired
/// with at most one candidate token (best pairs first), a token may also match two adjacent
/// tokens written together (Jongun ~ Jong Un), and coverage on both sides is weighted by how rare
/// each token is in the lists. The score also needs enough rare matched tokens in absolute terms,
/// so a name made only of common words (Trading Co Ltd) never scores high.
/// </summary>
internal sealed class NameComparer(NameIndex index, MatcherWeights weights)
{
    public MatcherWeights Weights => weights;

    public QueryName Prepare(AnalyzedName name, bool transliterated)
    {
        var keys = name.Tokens.Select(index.KeysFor).ToArray();
        var w = name.Tokens.Select((t, i) => name.IsLegalForm[i] ? NameIndex.LegalFormWeight : index.QueryWeight(t)).ToArray();
        return new QueryName(name.Tokens, name.IsLegalForm, keys, w, transliterated);
    }

    public CandidateName Candidate(IndexedName name) =>
        new(name.Original, name.TokenIds.Select(index.Token).ToArray(), name.TokenIds, name.IsLegalForm,
            name.TokenIds.Select((id, j) => name.IsLegalForm[j] ? NameIndex.LegalFormWeight : index.Weight(id)).ToArray());

    public CandidateName Candidate(string original, AnalyzedName name) =>
        new(original, name.Tokens, name.Tokens.Select(t => index.Find(t) ?? -1).ToArray(), name.IsLegalForm,
            name.Tokens.Select((t, j) => name.IsLegalForm[j] ? NameIndex.LegalFormWeight : index.QueryWeight(t)).ToArray());

    /// <summary>Compares; <paramref name="similarity"/> gives the similarity of query token i and candidate token j.</summary>
    public NameComparison Compare(QueryName q, CandidateName c, Func<int, int, (double, TokenMatchKind)> similarity)
    {
        var n = q.Tokens.Length;
        var m = c.Tokens.Length;
        Span<int> qMatch = stackalloc int[n];
        Span<int> cMatch = stackalloc int[m];
        Span<double> qSim = stackalloc double[n];
        Span<double> cSim = stackalloc double[m];
        qMatch.Fill(-1);
        cMatch.Fill(-1);
        var candidates = new List<(double Sim, int I, int J, TokenMatchKind Kind)>(n * m);
        for (var i = 0; i < n; i++)
            for (var j = 0; j < m; j++)
            {
                var (s, kind) = similarity(i, j);
                if (s >= weights.MinTokenSimilarity) candidates.Add((s, i, j, kind));
            }
        candidates.Sort((a, b) => a.Sim != b.Sim ? b.Sim.CompareTo(a.Sim) : a.I != b.I ? a.I.CompareTo(b.I) : a.J.CompareTo(b.J));
        var pairs = new List<TokenPair>(n);
        foreach (var (s, i, j, kind) in candidates)
        {
            if (qMatch[i] >= 0 || cMatch[j] >= 0) continue;
            qMatch[i] = j; cMatch[j] = i; qSim[i] = s; cSim[j] = s;
            pairs.Add(new TokenPair(q.Tokens[i], c.Tokens[j], s, kind));
        }
        // Tokens written together on one side and apart on the other: Jongun / Jong Un, Al Qaida / Alqaida.
        for (var i = 0; i < n; i++)
        {
            if (qMatch[i] >= 0 || q.Tokens[i].Length < 3) continue;
            for (var j = 0; j + 1 < m; j++)
            {
                if (cMatch[j] >= 0 || cMatch[j + 1] >= 0) continue;
                var joined = c.Tokens[j] + c.Tokens[j + 1];
                var s = JoinedSimilarity(q.Tokens[i], joined);
                if (s < weights.MinJoinedSimilarity) continue;
                qMatch[i] = j; cMatch[j] = i; cMatch[j + 1] = i; qSim[i] = s; cSim[j] = s; cSim[j + 1] = s;
                pairs.Add(new TokenPair(q.Tokens[i], c.Tokens[j] + " " + c.Tokens[j + 1], s, TokenMatchKind.Joined));
                break;
            }
        }
        for (var j = 0; j < m; j++)
        {
            if (cMatch[j] >= 0) continue;
            var token = c.Tokens[j];
            if (token.Length < 3) continue;
            for (var i = 0; i + 1 < n; i++)
            {
                if (qMatch[i] >= 0 || qMatch[i + 1] >= 0) continue;
                var s = JoinedSimilarity(q.Tokens[i] + q.Tokens[i + 1], token);
                if (s < weights.MinJoinedSimilarity) continue;
                cMatch[j] = i; qMatch[i] = j; qMatch[i + 1] = j; cSim[j] = s; qSim[i] = s; qSim[i + 1] = s;
                pairs.Add(new TokenPair(q.Tokens[i] + " " + q.Tokens[i + 1], token, s, TokenMatchKind.Joined));
                break;
            }
        }

        double qTotal = 0, qMatched = 0, cTotal = 0, cMatched = 0;
        var unmatchedQuery = new List<string>();
        var unmatchedCandidate = new List<string>();
        for (var i = 0; i < n; i++)
        {
            double w;
            if (qMatch[i] >= 0 && !q.IsLegalForm[i])
            {
                // A matched query token weighs what its list partner weighs (a typo makes a token unseen, not
                // rare); a token matching two joined list tokens weighs what both do.
                w = c.Weights[qMatch[i]];
                if (qMatch[i] + 1 < m && cMatch[qMatch[i] + 1] == i) w += c.Weights[qMatch[i] + 1];
                if ((i > 0 && qMatch[i - 1] == qMatch[i]) || (i + 1 < n && qMatch[i + 1] == qMatch[i])) w /= 2;
            }
            else w = q.IsLegalForm[i] ? q.Weights[i] : Math.Min(q.Weights[i], weights.UnknownTokenWeight);
            qTotal += w;
            if (qMatch[i] >= 0) qMatched += w * qSim[i];
            else unmatchedQuery.Add(q.Tokens[i]);
        }
        double cUnmatchedNamed = 0, qUnmatchedNamed = 0;
        for (var j = 0; j < m; j++)
        {
            var w = c.Weights[j];
            cTotal += w;
            if (cMatch[j] >= 0) cMatched += w * cSim[j];
            else
            {
                unmatchedCandidate.Add(c.Tokens[j]);
                if (!c.IsLegalForm[j]) cUnmatchedNamed += w;
            }
        }
        for (var i = 0; i < n; i++)
            if (qMatch[i] < 0 && !q.IsLegalForm[i]) qUnmatchedNamed += Math.Min(q.Weights[i], weights.UnknownTokenWeight);
        var qCov = qTotal > 0 ? qMatched / qTotal : 0;
        var cCov = cTotal > 0 ? cMatched / cTotal : 0;
        var information = Math.Min(1.0, qMatched / weights.MinInformation);
        var blended = weights.QueryCoverageShare * qCov + (1 - weights.QueryCoverageShare) * cCov;
        var coverage = weights.MinCoverageShare * Math.Min(qCov, cCov) + (1 - weights.MinCoverageShare) * blended;
        // Tokens left over on both sides are a conflict (Ahmed vs Yahya in the same place), not just an omission.
        var conflict = qTotal > 0 && cTotal > 0 ? Math.Min(qUnmatchedNamed / qTotal, cUnmatchedNamed / cTotal) : 0;
        // A query that covers only a small part of the listed name (North Korea in 'Bank of North Korea') is weak evidence.
        var candidateFloor = weights.MinCandidateCoverage > 0 ? Math.Min(1.0, cCov / weights.MinCandidateCoverage) : 1.0;
        var score = coverage * information * candidateFloor - weights.ConflictPenalty * conflict;
        return new NameComparison(Math.Clamp(score, 0, 1), qCov, cCov, pairs, unmatchedQuery, unmatchedCandidate);
    }

    private static double JoinedSimilarity(string a, string b)
    {
        if (a == b) return 1.0;
        return TokenSimilarity.EditSimilarity(a, b);
    }
}

/// <summary>The matcher's tunable weights, calibrated on the training split of the labelled pairs (see docs/accuracy.md).</summary>
public sealed record MatcherWeights
{
    /// <summary>Token pairs less similar than this are not paired at all.</summary>
    public double MinTokenSimilarity { get; init; } = 0.75;

    /// <summary>Minimum similarity for a token to match two adjacent tokens written together.</summary>
    public double MinJoinedSimilarity { get; init; } = 0.85;

    /// <summary>Share of the name score that comes from covering the query (the rest: covering the listed name).</summary>
    public double QueryCoverageShare { get; init; } = 0.6;

    /// <summary>Share of the coverage that is the lower of the two sides (the rest: the blend above).</summary>
    public double MinCoverageShare { get; init; } = 0.0;

    /// <summary>Below this share of the listed name's weight covered, the score shrinks in proportion.</summary>
    public double MinCandidateCoverage { get; init; } = 0.4;

    /// <summary>Subtracted, times the smaller share of unmatched weight on either side, when both sides have tokens the other lacks.</summary>
    public double ConflictPenalty { get; init; } = 0.6;

    /// <summary>Matched token weight (sum of rarity) needed for full credit; below it the score shrinks in proportion.</summary>
    public double MinInformation { get; init; } = 0.8;

    /// <summary>Cap on the weight of a query token no list contains, so one unknown token cannot sink a match alone.</summary>
    public double UnknownTokenWeight { get; init; } = 0.9;

    /// <summary>Factor applied to matches on weak (low-quality) aliases.</summary>
    public double WeakAliasFactor { get; init; } = 0.9;

    /// <summary>Added when a date of birth agrees; subtracted (times 2) when every listed date conflicts.</summary>
    public double BirthDateWeight { get; init; } = 0.05;

    /// <summary>Subtracted when the query's country is none of the entry's nationalities.</summary>
    public double CountryMismatchPenalty { get; init; } = 0.05;

    public static MatcherWeights Default { get; } = new();
}
