using Vigil.Extraction;
using Vigil.Model;

namespace Vigil.Tests.Extraction;

/// <summary>One extractor per test class: the gazetteer (ICU countries, GeoNames cities, lexicon) is built once.</summary>
public sealed class ExtractorFixture
{
    /// <summary>A few list records as the OFAC SDN list writes them; enough to exercise list-derived names.</summary>
    public static readonly ListEntry[] Entries =
    [
        new() { List = "US-OFAC", ListId = "35096", Schema = EntitySchema.Person, Name = "PUTIN, Vladimir Vladimirovich", Programs = ["RUSSIA-EO14024"] },
        new() { List = "US-OFAC", ListId = "20157", Schema = EntitySchema.Person, Name = "KIM, Jong Un", Programs = ["DPRK3"] },
        new() { List = "US-OFAC", ListId = "35233", Schema = EntitySchema.Person, Name = "LAVROV, Sergei Viktorovich", Aliases = ["LAVROV, Sergey Viktorovich"], Programs = ["RUSSIA-EO14024"] },
        new() { List = "US-OFAC", ListId = "39361", Schema = EntitySchema.Person, Name = "BELOUSOV, Andrey Removich", Aliases = ["BELOUSOV, Andrei Removich"], Programs = ["RUSSIA-EO14024"] },
        new() { List = "US-OFAC", ListId = "37444", Schema = EntitySchema.Vessel, Name = "GRACEFUL", Programs = ["RUSSIA-EO14024"] },
        new() { List = "UN-SC", ListId = "KPe.001", Schema = EntitySchema.Organization, Name = "KOREA MINING DEVELOPMENT TRADING CORPORATION", Aliases = ["KOMID"], Programs = ["DPRK"] },
    ];

    public Extractor Extractor { get; } = new(Entries);
}
