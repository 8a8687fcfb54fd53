using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Vigil.Model.Wire;

/// <summary>
/// The JSON shape other tools read (DESIGN.md "Key records"): one place that fixes the names,
/// used by the report writer, the store's JSON columns and the REST API alike.
/// </summary>
public static class WireFormat
{
    public static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        WriteIndented = true,
        // Keep non-Latin names readable (김정은, Ким Чен Ын); HTML contexts escape separately.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static readonly JsonSerializerOptions Compact = new(Options) { WriteIndented = false };

    public static AnalysisDto ToDto(AnalysisResult a) => new(
        a.Documents.Select(DocumentDto.From).ToList(),
        a.Entities.Select(EntityDto.From).ToList(),
        a.Claims.Select(ClaimDto.From).ToList(),
        a.Stories.Select(StoryDto.From).ToList(),
        a.Assessments.Select(AssessmentDto.From).ToList(),
        a.Timeline.Select(TimelineGroupDto.From).ToList(),
        GraphDto.From(a.Graph));

    public static string Serialize(AnalysisResult analysis, bool indented = true) =>
        JsonSerializer.Serialize(ToDto(analysis), indented ? Options : Compact);
}

public sealed record AnalysisDto(
    List<DocumentDto> Documents,
    List<EntityDto> Entities,
    List<ClaimDto> Claims,
    List<StoryDto> Stories,
    List<AssessmentDto>? Assessments = null,
    List<TimelineGroupDto>? Timeline = null,
    GraphDto? Graph = null);

public sealed record DocumentDto(string Id, string Source, string? Title, string? Lang, string? Published, int Chars, string? Url = null, string? Outlet = null)
{
    public static DocumentDto From(Document d) =>
        new(d.Id, d.Source, d.Title, d.Lang, d.Published is { } p ? FuzzyDate.Day(p).ToString() : null, d.Chars, d.Url, d.Outlet);
}

public sealed record SpanDto(string Doc, int Start, int End, string Text)
{
    public static SpanDto From(Span s, string text) => new(s.DocumentId, s.Start, s.End, text);
    public Span ToSpan() => new(Doc, Start, End);
}

public sealed record MentionDto(string Doc, int Start, int End, string Text, string? Schema = null, string? Name = null, double? Confidence = null)
{
    public static MentionDto From(Mention m) =>
        new(m.Span.DocumentId, m.Span.Start, m.Span.End, m.Text, m.Schema.ToString(), m.Name, m.Confidence);

    public Mention ToModel(EntitySchema fallback) =>
        new(new Span(Doc, Start, End), Text, Schema is null ? fallback : EntitySchemas.Parse(Schema), Name ?? Text, Confidence ?? 1.0);
}

public sealed record FeatureDto(string Name, double Value, string Detail);

public sealed record SanctionDto(string List, string ListId, string Name, double Score, List<string> Programs, string Explanation, bool Match = true, List<FeatureDto>? Features = null)
{
    public static SanctionDto From(SanctionHit h) =>
        new(h.List, h.ListId, h.Name, Math.Round(h.Score, 4), h.Programs.ToList(), h.Explanation, h.IsMatch,
            h.Features.Select(f => new FeatureDto(f.Name, Math.Round(f.Value, 4), f.Detail)).ToList());

    public SanctionHit ToModel() =>
        new(List, ListId, Name, Score, Match, Programs, Explanation,
            (Features ?? []).Select(f => new MatchFeature(f.Name, f.Value, f.Detail)).ToList());
}

public sealed record EntityDto(string Id, string Schema, string Name, List<string> Aliases, List<MentionDto> Mentions, List<SanctionDto> Sanctions)
{
    public static EntityDto From(Entity e) =>
        new(e.Id, e.Schema.ToString(), e.Name, e.Aliases.ToList(), e.Mentions.Select(MentionDto.From).ToList(), e.Sanctions.Select(SanctionDto.From).ToList());

    public Entity ToModel()
    {
        var schema = EntitySchemas.Parse(Schema);
        return new(Id, schema, Name, Aliases, Mentions.Select(m => m.ToModel(schema)).ToList(), Sanctions.Select(s => s.ToModel()).ToList());
    }
}

public sealed record QuantityDto(decimal Value, string Unit, string? Qualifier = null)
{
    public static QuantityDto From(Quantity q) =>
        new(q.Value, q.Unit, q.Qualifier == QuantityQualifier.Exact ? null : JsonNamingPolicy.SnakeCaseLower.ConvertName(q.Qualifier.ToString()));

    public Quantity ToModel() =>
        new(Value, Unit, Enum.GetValues<QuantityQualifier>().FirstOrDefault(v => JsonNamingPolicy.SnakeCaseLower.ConvertName(v.ToString()) == Qualifier, QuantityQualifier.Exact));
}

/// <summary>`date`: value in ISO form truncated to precision, or null when the text does not establish it.</summary>
public sealed record DateDto(string? Value, string? Precision, string Text, int? Start = null, int? End = null, bool Relative = false)
{
    public static DateDto From(DateMention d) =>
        new(d.Date?.ToString(), d.Date?.Precision.ToString().ToLowerInvariant(), d.Text, d.Span.Start, d.Span.End, d.Date?.IsRelative ?? false);

    public DateMention ToModel(string doc)
    {
        FuzzyDate? date = null;
        if (FuzzyDate.TryParse(Value, out var parsed)) date = parsed with { IsRelative = Relative };
        return new DateMention(new Span(doc, Start ?? 0, End ?? 0), Text, date);
    }
}

public sealed record ClaimDto(
    string Id, string Doc, string Type, List<string> Actors, QuantityDto? Quantity, DateDto? Date,
    string? Attribution, string Stance, List<string> DeniedBy, List<string> Provisions, SpanDto Evidence)
{
    public static ClaimDto From(Claim c) => new(
        c.Id, c.DocumentId, c.Type.ToWire(), c.Actors.ToList(), c.Quantity is null ? null : QuantityDto.From(c.Quantity),
        c.Date is null ? null : DateDto.From(c.Date), c.Attribution, c.Stance.ToWire(), c.DeniedBy.ToList(), c.Provisions.ToList(),
        SpanDto.From(c.Evidence, c.EvidenceText));

    public Claim ToModel() => new(
        Id, Doc, ClaimTypes.ParseWire(Type), Actors, Quantity?.ToModel(), Date?.ToModel(Doc), Attribution,
        Enum.TryParse<Stance>(Stance, true, out var s) ? s : Model.Stance.Asserted, DeniedBy, Provisions, Evidence.ToSpan(), Evidence.Text);
}

public sealed record CorroborationDto(int IndependentSources, List<string> Conflicts, string? Confidence = null, List<string>? Reasons = null,
    List<SourceDto>? Sources = null, List<string>? DeniedBy = null, List<FigureSetDto>? Figures = null)
{
    public static CorroborationDto From(Corroboration c) => new(c.IndependentSources, c.Conflicts.ToList(), c.Confidence, c.Reasons?.ToList(),
        c.Sources.Select(SourceDto.From).ToList(), c.DeniedBy.ToList(), c.Figures.Select(FigureSetDto.From).ToList());

    public Corroboration ToModel() => new(IndependentSources, Conflicts, Confidence, Reasons)
    {
        Sources = (Sources ?? []).Select(s => s.ToModel()).ToList(),
        DeniedBy = DeniedBy ?? [],
        Figures = (Figures ?? []).Select(f => f.ToModel()).ToList(),
    };
}

public sealed record StoryDto(string Id, string Title, List<string> Documents, List<string> Claims, CorroborationDto Corroboration)
{
    public static StoryDto From(Story s) => new(s.Id, s.Title, s.DocumentIds.ToList(), s.ClaimIds.ToList(), CorroborationDto.From(s.Corroboration));
    public Story ToModel() => new(Id, Title, Documents, Claims, Corroboration.ToModel());
}
