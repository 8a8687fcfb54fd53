namespace Vigil.Screening.Matching;

/// <summary>One query token paired with one (or, when joined, two) candidate tokens.</summary>
internal readonly record struct TokenPair(string Query, string Candidate, double Similarity, TokenMatchKind Kind);

/// <summary>The comparison of one query spelling with one listed name.</summary>
internal sealed record NameComparison(double Score, double QueryCoverage, double CandidateCoverage, IReadOnlyList<TokenPair> Pairs, IReadOnlyList<string> UnmatchedQuery, IReadOnlyList<string> UnmatchedCandidate)
{
    /// <summary>Structural conflicts found (different legal forms, a patronymic chain in another order).</summary>
    public IReadOnlyList<string> Conflicts { get; init; } = [];
}

/// <summary>A query spelling prepared once: tokens, their keys and weights.</summary>
internal sealed record QueryName(string[] Tokens, bool[] IsLegalForm, TokenKeys[] Keys, double[] Weights, QuerySpelling Spelling)
{
    /// <summary>Read as an organisation's name: another token on either side more likely names another company (a subsidiary, a fund in a series).</summary>
    public bool Organisation { get; init; }
}

/// <summary>A listed name's tokens as the comparer sees them (vocabulary ids are −1 for tokens outside the lists).</summary>
internal sealed record CandidateName(string Original, string[] Tokens, int[] TokenIds, bool[] IsLegalForm, double[] Weights);

/// <summary>Similarity of query token i and candidate token j, as the caller knows it (a struct, so the comparer's loops inline it).</summary>
internal interface ITokenSimilarities
{
    (double Score, TokenMatchKind Kind) Get(int i, int j);
}

/// <summary>
/// Scores a query name against a listed name, order-independently: each query token is paired
/// with at most one candidate token (best pairs first); a token may also match two or three
/// adjacent tokens written together (Jongun ~ Jong Un, Vanderbilt ~ Van der Bilt) or their
/// initials (PLA ~ People's Liberation Army, JC ~ Jean-Claude); coverage on both sides is weighted
/// by how rare each token is in the lists. The score also needs enough rare matched tokens in
/// absolute terms, so a name made only of common words (Trading Co Ltd) never scores high.
/// Leftover tokens on both sides, a patronymic chain read in another order (Salman bin Muhammad /
/// Muhammad bin Salman) and two different legal forms (AG / GmbH) count against the match.
/// </summary>
internal sealed class NameComparer(NameIndex index, MatcherWeights weights)
{
    /// <summary>Similarity of a token to the initials of a run of tokens (PLA ~ People's Liberation Army).</summary>
    public const double AcronymSimilarity = 0.9;

    /// <summary>Words skipped when reading initials: PLA is People's Liberation Army, not People's Liberation of Army.</summary>
    private static readonly HashSet<string> AcronymStopwords = new(StringComparer.Ordinal) { "of", "the", "and", "for", "de", "des", "du", "la", "le", "di", "del", "da", "y", "et", "und", "der" };

    /// <summary>Particles of an Arabic or Berber patronymic chain: the order of the names around them says who is whose son.</summary>
    private static readonly HashSet<string> Particles = new(StringComparer.Ordinal) { "bin", "ibn", "ben", "bint", "binti", "ould", "walad", "bn", "ebn", "ibnu" };

    public MatcherWeights Weights => weights;

    public QueryName Prepare(AnalyzedName name, QuerySpelling spelling) =>
        Prepare(name, spelling, Array.ConvertAll(name.Tokens, index.KeysFor));

    /// <summary>A query spelling with its tokens' keys already known (the screener caches them per token).</summary>
    public QueryName Prepare(AnalyzedName name, QuerySpelling spelling, TokenKeys[] keys)
    {
        var w = new double[name.Tokens.Length];
        for (var i = 0; i < w.Length; i++) w[i] = name.IsLegalForm[i] ? NameIndex.LegalFormWeight : index.QueryWeight(name.Tokens[i]);
        return new QueryName(name.Tokens, name.IsLegalForm, keys, w, spelling) { Organisation = name.Organisation };
    }

    public CandidateName Candidate(string original, AnalyzedName name) =>
        new(original, name.Tokens, name.Tokens.Select(t => index.Find(t) ?? -1).ToArray(), name.IsLegalForm,
            name.Tokens.Select((t, j) => name.IsLegalForm[j] ? NameIndex.LegalFormWeight : index.QueryWeight(t)).ToArray());

    /// <summary>Compares with token similarities from <paramref name="similarity"/>; with <paramref name="explain"/> false only the score and coverages are filled in.</summary>
    public NameComparison Compare<TSim>(QueryName q, CandidateName c, TSim similarity, bool explain = true) where TSim : struct, ITokenSimilarities
    {
        var n = q.Tokens.Length;
        var m = c.Tokens.Length;
        // A group is one matched unit: one query token with one candidate token, or a token with a joined run or its initials.
        Span<int> qGroup = n <= 64 ? stackalloc int[n] : new int[n];
        Span<int> cGroup = m <= 64 ? stackalloc int[m] : new int[m];
        Span<double> groupSim = stackalloc double[Math.Min(n, m) + 1];
        Span<TokenMatchKind> groupKind = stackalloc TokenMatchKind[Math.Min(n, m) + 1];
        qGroup.Fill(-1);
        cGroup.Fill(-1);
        var groups = 0;
        var cells = n * m;
        Span<Cell> found = cells <= 256 ? stackalloc Cell[cells] : new Cell[cells];
        var count = 0;
        for (var i = 0; i < n; i++)
            for (var j = 0; j < m; j++)
            {
                var (s, kind) = similarity.Get(i, j);
                if (s >= weights.PairingFloor) found[count++] = new Cell(s, i, j, kind);
            }
        found = found[..count];
        found.Sort(static (a, b) => a.Sim != b.Sim ? b.Sim.CompareTo(a.Sim) : a.I != b.I ? a.I.CompareTo(b.I) : a.J.CompareTo(b.J));
        foreach (var cell in found)
        {
            if (cell.Sim < weights.MinTokenSimilarity) break;
            if (qGroup[cell.I] >= 0 || cGroup[cell.J] >= 0) continue;
            if (groups >= groupSim.Length) break;
            qGroup[cell.I] = groups; cGroup[cell.J] = groups; groupSim[groups] = cell.Sim; groupKind[groups] = cell.Kind; groups++;
        }
        // Tokens written together on one side and apart on the other: Jongun / Jong Un, Vanderbilt / Van der Bilt.
        if (groups < groupSim.Length) JoinRuns(q.Tokens, c.Tokens, qGroup, cGroup, groupSim, groupKind, ref groups);
        if (groups < groupSim.Length) JoinRuns(c.Tokens, q.Tokens, cGroup, qGroup, groupSim, groupKind, ref groups);
        // Initials: PLA / People's Liberation Army, U.S. / United States, JC / Jean Claude.
        if (groups < groupSim.Length) MatchInitials(q.Tokens, c.Tokens, c.IsLegalForm, q.Organisation, qGroup, cGroup, groupSim, groupKind, ref groups);
        if (groups < groupSim.Length) MatchInitials(c.Tokens, q.Tokens, q.IsLegalForm, q.Organisation, cGroup, qGroup, groupSim, groupKind, ref groups);
        // In an organisation's name a contracted word (Natl, Mfg, Hldgs) stands for the word it contracts.
        if (q.Organisation && groups < groupSim.Length) MatchContractions(q, c, qGroup, cGroup, groupSim, groupKind, ref groups);
        // Left-over tokens that are only somewhat alike (Merkur/Merkel, Tom/Tim) are a variant in part, not a conflict.
        if (weights.WeakPairCredit > 0)
            foreach (var cell in found)
            {
                if (cell.Sim >= weights.MinTokenSimilarity || qGroup[cell.I] >= 0 || cGroup[cell.J] >= 0 || q.IsLegalForm[cell.I] || c.IsLegalForm[cell.J]) continue;
                // Short tokens are whole syllables (Min/Man are two Korean given names), and a different first letter is a different name.
                if (!PartlyAlike(q.Tokens[cell.I], c.Tokens[cell.J])) continue;
                if (groups >= groupSim.Length) break;
                qGroup[cell.I] = groups; cGroup[cell.J] = groups; groupSim[groups] = cell.Sim * weights.WeakPairCredit; groupKind[groups] = TokenMatchKind.Weak; groups++;
            }

        // A matched query token weighs what its list partners weigh, shared among the query tokens of its group
        // (a typo makes a token unseen, not rare).
        Span<double> groupCandidateWeight = stackalloc double[groups + 1];
        Span<int> groupQueryTokens = stackalloc int[groups + 1];
        groupCandidateWeight.Clear();
        groupQueryTokens.Clear();
        for (var j = 0; j < m; j++) if (cGroup[j] >= 0) groupCandidateWeight[cGroup[j]] += c.Weights[j];
        for (var i = 0; i < n; i++) if (qGroup[i] >= 0) groupQueryTokens[qGroup[i]]++;

        // A side whose every name is matched may meet the other's longer patronymic chain (Osama bin Laden /
        // Usama bin Muhammad ibn Awad ibn Ladin): the chain's extra links are an omission, like a patronymic.
        var qAllMatched = AllNamesMatched(qGroup, q.IsLegalForm);
        var cAllMatched = AllNamesMatched(cGroup, c.IsLegalForm);
        double qTotal = 0, qMatched = 0, cTotal = 0, cMatched = 0, qUnmatchedNamed = 0, cUnmatchedNamed = 0;
        bool qLegal = false, cLegal = false, legalMatched = false, numberUnmatched = false;
        for (var i = 0; i < n; i++)
        {
            var g = qGroup[i];
            double w;
            if (g >= 0 && !q.IsLegalForm[i]) w = groupCandidateWeight[g] / groupQueryTokens[g];
            else w = q.IsLegalForm[i] ? q.Weights[i] : Math.Min(q.Weights[i], weights.UnknownTokenWeight);
            // Likewise a patronymic the list leaves out (Vladimir Vladimirovich Putin / PUTIN, Vladimir).
            if (g < 0 && (IsPatronymic(q.Tokens[i]) || (cAllMatched && InChain(q.Tokens, i)))) w *= weights.PatronymicOmissionFactor;
            qTotal += w;
            if (g >= 0) qMatched += w * groupSim[g];
            else if (!q.IsLegalForm[i])
            {
                qUnmatchedNamed += w;
                if (NameIndex.IsNumber(q.Tokens[i])) numberUnmatched = true;
            }
            if (q.IsLegalForm[i]) { qLegal = true; if (g >= 0) legalMatched = true; }
        }
        for (var j = 0; j < m; j++)
        {
            var w = c.Weights[j];
            // A listed patronymic the query leaves out is an omission most queries make (Vladimir Putin / PUTIN, Vladimir Vladimirovich).
            if (cGroup[j] < 0 && (IsPatronymic(c.Tokens[j]) || (qAllMatched && InChain(c.Tokens, j)))) w *= weights.PatronymicOmissionFactor;
            cTotal += w;
            if (cGroup[j] >= 0) cMatched += w * groupSim[cGroup[j]];
            else if (!c.IsLegalForm[j])
            {
                cUnmatchedNamed += w;
                if (NameIndex.IsNumber(c.Tokens[j])) numberUnmatched = true;
            }
            if (c.IsLegalForm[j]) cLegal = true;
        }
        var qCov = qTotal > 0 ? qMatched / qTotal : 0;
        var cCov = cTotal > 0 ? cMatched / cTotal : 0;
        var information = Math.Min(1.0, qMatched / weights.MinInformation);
        // A person's listed name met in full by a query that adds names of its own (GUL AHMAD WAZIRI HAKIMI / GUL AHMAD HAKIMI)
        // is how fuller records meet shorter list entries: then covering the list weighs more than covering the query.
        var queryShare = q.Organisation ? weights.OrganisationQueryCoverageShare
            : cAllMatched && !qAllMatched && ListFullyMet(c, cGroup, groupSim, cMatched) ? weights.ListCoveredQueryShare : weights.QueryCoverageShare;
        var blended = queryShare * qCov + (1 - queryShare) * cCov;
        var coverage = weights.MinCoverageShare * Math.Min(qCov, cCov) + (1 - weights.MinCoverageShare) * blended;
        // Tokens left over on both sides are a conflict (Ahmed vs Yahya in the same place), not just an omission.
        var conflict = qTotal > 0 && cTotal > 0 ? Math.Min(1.0, Math.Min(qUnmatchedNamed / qTotal, cUnmatchedNamed / cTotal)) : 0;
        // A query that covers only a small part of the listed name (North Korea in 'Bank of North Korea') is weak evidence.
        var candidateFloor = weights.MinCandidateCoverage > 0 ? Math.Min(1.0, cCov / weights.MinCandidateCoverage) : 1.0;
        var score = coverage * information * candidateFloor - weights.ConflictPenalty * conflict;
        var legalConflict = qLegal && cLegal && !legalMatched;
        if (legalConflict) score -= weights.LegalFormConflictPenalty;
        // One name in another's place between the same matched neighbours (ben Mohamed / ben Ali) is another person's name, not an omission;
        // in a name transliterated from another script it is as likely a spelling no key caught.
        var substituted = weights.SubstitutionPenalty > 0 && q.Spelling == QuerySpelling.Latin && Substituted(q.Tokens, c.Tokens, q.IsLegalForm, c.IsLegalForm, qGroup, cGroup);
        if (substituted) score -= weights.SubstitutionPenalty;
        var orderConflict = PatronymsCrossed(q.Tokens, c.Tokens, qGroup, cGroup);
        if (orderConflict) score -= weights.PatronymOrderPenalty;
        // In an organisation's name a number only one side gives may mark another member of a series (Fund II, Company 23):
        // said in the explanation; the labelled pairs call such names a match as often as not, so it costs nothing.
        var numbersDiffer = q.Organisation && numberUnmatched;
        if (!explain) return new NameComparison(Math.Clamp(score, 0, 1), qCov, cCov, [], [], []);

        var qg = qGroup.ToArray();
        var cg = cGroup.ToArray();
        var pairs = new List<TokenPair>(groups);
        for (var g = 0; g < groups; g++)
        {
            var qs = string.Join(' ', Enumerable.Range(0, n).Where(i => qg[i] == g).Select(i => q.Tokens[i]));
            var cs = string.Join(' ', Enumerable.Range(0, m).Where(j => cg[j] == g).Select(j => c.Tokens[j]));
            pairs.Add(new TokenPair(qs, cs, groupSim[g], groupKind[g]));
        }
        var unmatchedQuery = Enumerable.Range(0, n).Where(i => qg[i] < 0).Select(i => q.Tokens[i]).ToList();
        var unmatchedCandidate = Enumerable.Range(0, m).Where(j => cg[j] < 0).Select(j => c.Tokens[j]).ToList();
        var conflicts = new List<string>(2);
        if (legalConflict) conflicts.Add(q.Organisation ? "legal forms differ" : "generations differ (Jr / Sr)");
        if (orderConflict) conflicts.Add("patronymic chain in another order");
        if (substituted) conflicts.Add("another name in the same place");
        if (numbersDiffer) conflicts.Add("numbers differ");
        return new NameComparison(Math.Clamp(score, 0, 1), qCov, cCov, pairs, unmatchedQuery, unmatchedCandidate) { Conflicts = conflicts };
    }

    private static bool PartlyAlike(string a, string b) => a[0] == b[0] && ((a.Length >= 4 && b.Length >= 4) || SameLetters(a, b));

    /// <summary>The same letters in another order: a transposition typo (Sko/Sok), not another syllable.</summary>
    private static bool SameLetters(string a, string b)
    {
        if (a.Length != b.Length || a.Length > 16) return false;
        Span<char> x = stackalloc char[a.Length];
        Span<char> y = stackalloc char[b.Length];
        a.AsSpan().CopyTo(x);
        b.AsSpan().CopyTo(y);
        x.Sort();
        y.Sort();
        return x.SequenceEqual(y);
    }

    private readonly record struct Cell(double Sim, int I, int J, TokenMatchKind Kind);

    /// <summary>Pairs an unmatched token on side A with a run of two or three unmatched adjacent tokens on side B written together.</summary>
    private void JoinRuns(string[] a, string[] b, Span<int> aGroup, Span<int> bGroup, Span<double> groupSim, Span<TokenMatchKind> groupKind, ref int groups)
    {
        for (var i = 0; i < a.Length && groups < groupSim.Length; i++)
        {
            if (aGroup[i] >= 0 || a[i].Length < 3) continue;
            var matched = false;
            for (var len = 2; len <= 3 && !matched; len++)
                for (var j = 0; j + len <= b.Length; j++)
                {
                    var free = true;
                    var joinedLength = 0;
                    for (var k = j; k < j + len; k++) { free &= bGroup[k] < 0; joinedLength += b[k].Length; }
                    if (!free || Math.Abs(joinedLength - a[i].Length) > 3) continue;
                    var joined = string.Concat(b.AsSpan(j, len));
                    var s = a[i] == joined ? 1.0 : TokenSimilarity.EditSimilarity(a[i], joined);
                    if (s < weights.MinJoinedSimilarity && s >= 0.6) s = Math.Max(s, JoinedVariantSimilarity(a[i], joined));
                    if (s < weights.MinJoinedSimilarity) continue;
                    aGroup[i] = groups;
                    for (var k = j; k < j + len; k++) bGroup[k] = groups;
                    groupSim[groups] = s; groupKind[groups] = TokenMatchKind.Joined; groups++;
                    matched = true;
                    break;
                }
        }
    }

    /// <summary>
    /// A token and a joined run that are known variants (abdul / abd al) or sound alike (jinping / chin ping):
    /// the keys the index gives single tokens, asked of the run only when its spelling is already close.
    /// </summary>
    private double JoinedVariantSimilarity(string token, string joined)
    {
        var a = index.KeysFor(token);
        var b = index.KeysFor(joined);
        if (a.Group >= 0 && a.Group == b.Group) return TokenSimilarity.VariantSimilarity;
        return token.Length >= 6 && joined.Length >= 6 && a.Sound == b.Sound ? SoundJoinedSimilarity : 0;
    }

    /// <summary>Similarity of a token to a joined run with the same sound key.</summary>
    private const double SoundJoinedSimilarity = 0.88;

    /// <summary>Similarity of a contraction to the word it contracts (Natl/National).</summary>
    public const double ContractionSimilarity = 0.85;

    private static void MatchContractions(QueryName q, CandidateName c, Span<int> qGroup, Span<int> cGroup, Span<double> groupSim, Span<TokenMatchKind> groupKind, ref int groups)
    {
        for (var i = 0; i < q.Tokens.Length && groups < groupSim.Length; i++)
        {
            if (qGroup[i] >= 0 || q.IsLegalForm[i]) continue;
            for (var j = 0; j < c.Tokens.Length; j++)
            {
                if (cGroup[j] >= 0 || c.IsLegalForm[j] || !(Contracts(q.Tokens[i], c.Tokens[j]) || Contracts(c.Tokens[j], q.Tokens[i]))) continue;
                qGroup[i] = groups; cGroup[j] = groups; groupSim[groups] = ContractionSimilarity; groupKind[groups] = TokenMatchKind.Abbreviation; groups++;
                break;
            }
        }
    }

    /// <summary>
    /// True when <paramref name="shortForm"/> contracts <paramref name="word"/>: three letters or more, the same first and
    /// last letters, its letters in order within the word, and the word at least twice as long (Mfg/Manufacturing,
    /// Natl/National; Bank is not Bangkok).
    /// </summary>
    internal static bool Contracts(string shortForm, string word)
    {
        if (shortForm.Length < 3 || word.Length < 2 * shortForm.Length || shortForm[0] != word[0] || shortForm[^1] != word[^1] || !IsLetters(shortForm) || !IsLetters(word)) return false;
        var k = 1;
        for (var x = 1; x < word.Length && k < shortForm.Length; x++) if (word[x] == shortForm[k]) k++;
        return k == shortForm.Length;
    }

    /// <summary>Pairs an unmatched token on side A that spells the initials of a run of unmatched tokens on side B.</summary>
    private static void MatchInitials(string[] a, string[] b, bool[] bLegal, bool organisation, Span<int> aGroup, Span<int> bGroup, Span<double> groupSim, Span<TokenMatchKind> groupKind, ref int groups)
    {
        for (var i = 0; i < a.Length && groups < groupSim.Length; i++)
        {
            var t = a[i];
            // In a person's name two letters spell initials only without a vowel (JC, not Ho or Li, which are names);
            // in an organisation's name they may (US / United States, UN / United Nations).
            if (aGroup[i] >= 0 || t.Length is < 2 or > 8 || !IsLetters(t) || (!organisation && t.Length == 2 && t.AsSpan().IndexOfAny("aeiouy") >= 0)) continue;
            for (var j = 0; j < b.Length; j++)
            {
                if (bGroup[j] >= 0 || b[j][0] != t[0] || AcronymStopwords.Contains(b[j])) continue;
                // Read initials from j on, skipping stopwords, until t is spelled out.
                var k = j;
                var read = 0;
                while (k < b.Length && read < t.Length)
                {
                    if (bGroup[k] >= 0) break;
                    if (AcronymStopwords.Contains(b[k]) || bLegal[k]) { k++; continue; }
                    if (b[k][0] != t[read]) break;
                    read++;
                    k++;
                }
                if (read != t.Length) continue;
                aGroup[i] = groups;
                for (var x = j; x < k; x++)
                    if (!AcronymStopwords.Contains(b[x]) && !bLegal[x]) bGroup[x] = groups;
                groupSim[groups] = AcronymSimilarity; groupKind[groups] = TokenMatchKind.Initial; groups++;
                break;
            }
        }
    }

    /// <summary>
    /// True when an unmatched query token and an unmatched listed token sit between the same matched neighbours
    /// (the same matched token before them, or the name's start, and the same after, or its end), with at least one
    /// neighbour matched: one name written in another's place.
    /// </summary>
    private static bool Substituted(string[] q, string[] c, bool[] qLegal, bool[] cLegal, Span<int> qGroup, Span<int> cGroup)
    {
        for (var i = 0; i < q.Length; i++)
        {
            if (qGroup[i] >= 0 || qLegal[i] || q[i].Length < 3 || !IsLetters(q[i])) continue;
            var (qBefore, qAfter) = Neighbours(qGroup, i);
            if (qBefore < 0 && qAfter < 0) continue;
            for (var j = 0; j < c.Length; j++)
            {
                if (cGroup[j] >= 0 || cLegal[j] || c[j].Length < 3 || !IsLetters(c[j])) continue;
                if (Neighbours(cGroup, j) == (qBefore, qAfter)) return true;
            }
        }
        return false;

        static (int Before, int After) Neighbours(Span<int> groups, int at)
        {
            int before = -1, after = -1;
            for (var k = at - 1; k >= 0 && before < 0; k--) before = groups[k];
            for (var k = at + 1; k < groups.Length && after < 0; k++) after = groups[k];
            return (before, after);
        }
    }

    /// <summary>Two listed names or more, each met exactly or as a known variant, carrying <see cref="MatcherWeights.ListCoveredMinInformation"/> of rarity between them.</summary>
    private bool ListFullyMet(CandidateName c, Span<int> cGroup, Span<double> groupSim, double cMatched)
    {
        if (cMatched < weights.ListCoveredMinInformation) return false;
        var named = 0;
        for (var j = 0; j < c.Tokens.Length; j++)
        {
            if (c.IsLegalForm[j]) continue;
            if (groupSim[cGroup[j]] < TokenSimilarity.VariantSimilarity) return false;
            named++;
        }
        return named >= 2;
    }

    private static bool AllNamesMatched(Span<int> group, bool[] legalForm)
    {
        for (var i = 0; i < group.Length; i++) if (group[i] < 0 && !legalForm[i]) return false;
        return true;
    }

    /// <summary>A link of a patronymic chain: a particle (bin, ibn) or the name after one, not the chain's last name.</summary>
    private static bool InChain(string[] tokens, int i) =>
        i < tokens.Length - 1 && (Particles.Contains(tokens[i]) || (i > 0 && Particles.Contains(tokens[i - 1])));

    private static readonly string[] PatronymicEndings = ["ovich", "evich", "ovitch", "evitch", "ovych", "ovna", "evna", "ivna", "ichna", "ovic", "evic"];

    /// <summary>An East Slavic patronymic (Vladimirovich, Sergeyevna), told by its ending.</summary>
    internal static bool IsPatronymic(string token)
    {
        if (token.Length < 7) return false;
        foreach (var ending in PatronymicEndings)
            if (token.EndsWith(ending, StringComparison.Ordinal)) return true;
        return false;
    }

    private static bool IsLetters(string s)
    {
        foreach (var ch in s) if (ch is < 'a' or > 'z') return false;
        return true;
    }

    /// <summary>True when both names are patronymic chains (… bin …) and two matched names sit on opposite sides of the particles.</summary>
    private static bool PatronymsCrossed(string[] q, string[] c, Span<int> qGroup, Span<int> cGroup)
    {
        if (!HasParticle(q) || !HasParticle(c)) return false;
        Span<int> qSegment = q.Length <= 64 ? stackalloc int[q.Length] : new int[q.Length];
        Span<int> cSegment = c.Length <= 64 ? stackalloc int[c.Length] : new int[c.Length];
        Segments(q, qSegment);
        Segments(c, cSegment);
        for (var i1 = 0; i1 < q.Length; i1++)
        {
            if (qGroup[i1] < 0 || Particles.Contains(q[i1])) continue;
            var j1 = IndexOf(cGroup, qGroup[i1]);
            for (var i2 = i1 + 1; i2 < q.Length; i2++)
            {
                if (qGroup[i2] < 0 || qGroup[i2] == qGroup[i1] || Particles.Contains(q[i2]) || qSegment[i2] == qSegment[i1]) continue;
                var j2 = IndexOf(cGroup, qGroup[i2]);
                // A given name moved from the front to the end (KAMMOUN, Mehdi) is list style, not another parentage.
                if (j1 < 0 || j2 < 0 || Rotated(i1, j1) || Rotated(i2, j2)) continue;
                if (cSegment[j1] != cSegment[j2] && (qSegment[i1] < qSegment[i2]) != (cSegment[j1] < cSegment[j2])) return true;
            }
        }
        return false;

        static bool HasParticle(string[] tokens)
        {
            for (var i = 1; i < tokens.Length - 1; i++) if (Particles.Contains(tokens[i])) return true;
            return false;
        }

        bool Rotated(int i, int j) => (i == 0 && j == c.Length - 1) || (i == q.Length - 1 && j == 0);

        static void Segments(string[] tokens, Span<int> into)
        {
            var segment = 0;
            for (var i = 0; i < tokens.Length; i++)
            {
                if (Particles.Contains(tokens[i])) segment++;
                into[i] = segment;
            }
        }

        static int IndexOf(Span<int> groups, int g)
        {
            for (var j = 0; j < groups.Length; j++) if (groups[j] == g) return j;
            return -1;
        }
    }
}

/// <summary>The matcher's tunable weights, calibrated on the training split of the labelled pairs (see docs/accuracy.md).</summary>
public sealed record MatcherWeights
{
    /// <summary>Token pairs less similar than this are not paired at all.</summary>
    public double MinTokenSimilarity { get; init; } = 0.75;

    /// <summary>Token pairs at least this similar but below <see cref="MinTokenSimilarity"/> pair as weak variants (credited at <see cref="WeakPairCredit"/>), when both have four letters or more and the same first letter.</summary>
    public double WeakTokenSimilarity { get; init; } = 0.55;

    /// <summary>Share of its similarity that a weak pair (Merkur/Merkel) adds to coverage; 0 leaves such tokens unmatched.</summary>
    public double WeakPairCredit { get; init; } = 0.5;

    /// <summary>The lowest token similarity the comparer looks at.</summary>
    public double PairingFloor => WeakPairCredit > 0 ? Math.Min(WeakTokenSimilarity, MinTokenSimilarity) : MinTokenSimilarity;

    /// <summary>Minimum similarity for a token to match two adjacent tokens written together.</summary>
    public double MinJoinedSimilarity { get; init; } = 0.85;

    /// <summary>Share of the name score that comes from covering the query (the rest: covering the listed name).</summary>
    public double QueryCoverageShare { get; init; } = 0.6;

    /// <summary><see cref="QueryCoverageShare"/> for a person's name when every listed name is matched and the query has names the list lacks.</summary>
    public double ListCoveredQueryShare { get; init; } = 0.4;

    /// <summary>The matched rarity (sum of weights) a fully met listed name needs before <see cref="ListCoveredQueryShare"/> applies.</summary>
    public double ListCoveredMinInformation { get; init; } = 1.0;

    /// <summary><see cref="QueryCoverageShare"/> for organisation names.</summary>
    public double OrganisationQueryCoverageShare { get; init; } = 0.7;

    /// <summary>Share of the coverage that is the lower of the two sides (the rest: the blend above).</summary>
    public double MinCoverageShare { get; init; } = 0.0;

    /// <summary>Below this share of the listed name's weight covered, the score shrinks in proportion.</summary>
    public double MinCandidateCoverage { get; init; } = 0.4;

    /// <summary>Subtracted, times the smaller share of unmatched weight on either side, when both sides have tokens the other lacks.</summary>
    public double ConflictPenalty { get; init; } = 0.8;

    /// <summary>Subtracted when an unmatched name on each side sits between the same matched neighbours (ben Mohamed / ben Ali).</summary>
    public double SubstitutionPenalty { get; init; } = 0.1;

    /// <summary>Matched token weight (sum of rarity) needed for full credit; below it the score shrinks in proportion.</summary>
    public double MinInformation { get; init; } = 0.8;

    /// <summary>Cap on the weight of a query token no list contains, so one unknown token cannot sink a match alone.</summary>
    public double UnknownTokenWeight { get; init; } = 0.9;

    /// <summary>Subtracted when both names carry legal forms and none of them agree (Deutsche Bank AG / Deutsche Bank GmbH).</summary>
    public double LegalFormConflictPenalty { get; init; } = 0.2;

    /// <summary>Subtracted when two patronymic chains name the same people in another order (Salman bin Muhammad / Muhammad bin Salman).</summary>
    public double PatronymOrderPenalty { get; init; } = 0.3;

    /// <summary>Factor on the weight of a patronymic that only one of the two names gives.</summary>
    public double PatronymicOmissionFactor { get; init; } = 0.4;

    /// <summary>Factor applied to matches on weak (low-quality) aliases.</summary>
    public double WeakAliasFactor { get; init; } = 0.9;

    /// <summary>Added when a date of birth agrees; subtracted (times 2) when every listed date conflicts.</summary>
    public double BirthDateWeight { get; init; } = 0.05;

    /// <summary>Subtracted when every listed date of birth is more than a year from the query's.</summary>
    public double BirthDateConflictPenalty { get; init; } = 0.25;

    /// <summary>Subtracted when the query's country is none of the entry's nationalities.</summary>
    public double CountryMismatchPenalty { get; init; } = 0.05;

    public static MatcherWeights Default { get; } = new();
}
