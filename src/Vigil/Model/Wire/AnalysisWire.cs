namespace Vigil.Model.Wire;

/// <summary>`corroboration.sources[]`: one independent origin and the documents and claims that carry it.</summary>
public sealed record SourceDto(string Key, string Label, List<string> Documents, List<string> Claims, string? Via = null)
{
    public static SourceDto From(SourceOrigin o) => new(o.Key, o.Label, o.DocumentIds.ToList(), o.ClaimIds.ToList(), o.Via);
    public SourceOrigin ToModel() => new(Key, Label, Documents, Claims, Via);
}

/// <summary>`corroboration.figures[]`: the values reported for one unit, side by side.</summary>
public sealed record FigureSetDto(string Unit, bool Conflict, List<FigureDto> Values)
{
    public static FigureSetDto From(FigureSet f) => new(f.Unit, f.IsConflict, f.Values.Select(FigureDto.From).ToList());
    public FigureSet ToModel() => new(Unit, Values.Select(v => v.ToModel()).ToList());
}

public sealed record FigureDto(QuantityDto Quantity, List<string> Claims, List<string> Sources)
{
    public static FigureDto From(ReportedFigure v) => new(QuantityDto.From(v.Quantity), v.ClaimIds.ToList(), v.Sources.ToList());
    public ReportedFigure ToModel() => new(Quantity.ToModel(), Claims, Sources);
}

/// <summary>`assessments[]`: a claim's story, corroboration and the provisions it would breach, with reasons.</summary>
public sealed record AssessmentDto(string Claim, string Story, CorroborationDto Corroboration, List<ProvisionMatchDto> Provisions, List<RegimeEffectDto>? Affects = null)
{
    public static AssessmentDto From(ClaimAssessment a) =>
        new(a.ClaimId, a.StoryId, CorroborationDto.From(a.Corroboration), a.Provisions.Select(ProvisionMatchDto.From).ToList(),
            a.Affects.Count == 0 ? null : a.Affects.Select(RegimeEffectDto.From).ToList());
    public ClaimAssessment ToModel() => new(Claim, Story, Corroboration.ToModel(), Provisions.Select(p => p.ToModel(Claim)).ToList())
    {
        Affects = (Affects ?? []).Select(e => e.ToModel(Claim)).ToList(),
    };
}

/// <summary>`assessments[].affects[]`: a body of the regime the claim acts on (id, name, citation, reason).</summary>
public sealed record RegimeEffectDto(string Id, string Name, string Citation, string Reason)
{
    public static RegimeEffectDto From(RegimeEffect e) => new(e.BodyId, e.Body, e.Citation, e.Reason);
    public RegimeEffect ToModel(string claimId) => new(claimId, Id, Name, Citation, Reason);
}

public sealed record ProvisionMatchDto(string Id, string Citation, string Reason)
{
    public static ProvisionMatchDto From(ProvisionMatch m) => new(m.ProvisionId, m.Citation, m.Reason);
    public ProvisionMatch ToModel(string claimId) => new(claimId, Id, Citation, Reason);
}

/// <summary>`timeline[]`: one story's claims in date order; `date_source` is text, published or none.</summary>
public sealed record TimelineGroupDto(string Story, string Title, List<TimelineEntryDto> Entries)
{
    public static TimelineGroupDto From(TimelineGroup g) => new(g.StoryId, g.Title, g.Entries.Select(TimelineEntryDto.From).ToList());
    public TimelineGroup ToModel() => new(Story, Title, Entries.Select(e => e.ToModel(Story)).ToList());
}

public sealed record TimelineEntryDto(string Claim, string? Date, string? Precision, string DateSource, string Type, string Summary, SpanDto Evidence)
{
    public static TimelineEntryDto From(TimelineEntry e) => new(e.ClaimId, e.Date?.ToString(), e.Date?.Precision.ToString().ToLowerInvariant(),
        e.DateSource.ToString().ToLowerInvariant(), e.Type.ToWire(), e.Summary, SpanDto.From(e.Evidence, ""));

    public TimelineEntry ToModel(string story)
    {
        FuzzyDate? date = FuzzyDate.TryParse(Date, out var d) ? d : null;
        var source = Enum.TryParse<TimelineDateSource>(DateSource, true, out var s) ? s : TimelineDateSource.None;
        return new TimelineEntry(Claim, story, date, source, ClaimTypes.ParseWire(Type), Summary, Evidence.ToSpan());
    }
}

/// <summary>`graph`: nodes are entity ids (or "name:..." for parties no mention named); edges carry the claims that state them.</summary>
public sealed record GraphDto(List<GraphNodeDto> Nodes, List<GraphEdgeDto> Edges)
{
    public static GraphDto From(EntityGraph g) => new(
        g.Nodes.Select(n => new GraphNodeDto(n.EntityId, n.Name, n.Schema?.ToString(), n.Claims)).ToList(),
        g.Edges.Select(e => new GraphEdgeDto(e.Source, e.Target, e.Relation, e.Directed, e.ClaimIds.ToList())).ToList());

    public EntityGraph ToModel() => new(
        Nodes.Select(n => new GraphNode(n.Id, n.Name, n.Schema is null ? null : EntitySchemas.Parse(n.Schema), n.Claims)).ToList(),
        Edges.Select(e => new GraphEdge(e.Source, e.Target, e.Relation, e.Directed, e.Claims)).ToList());
}

public sealed record GraphNodeDto(string Id, string Name, string? Schema, int Claims);

public sealed record GraphEdgeDto(string Source, string Target, string Relation, bool Directed, List<string> Claims);
