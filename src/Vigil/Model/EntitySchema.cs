namespace Vigil.Model;

/// <summary>FollowTheMoney schema names for what Vigil extracts and screens.</summary>
public enum EntitySchema { Person, Organization, Company, Vessel, Location, LegalEntity }

public static class EntitySchemas
{
    /// <summary>Schemata that are screened against sanctions lists (places never are).</summary>
    public static bool IsScreenable(this EntitySchema schema) => schema is not EntitySchema.Location;

    public static bool IsOrganizationLike(this EntitySchema schema) =>
        schema is EntitySchema.Organization or EntitySchema.Company or EntitySchema.LegalEntity;

    public static EntitySchema Parse(string name) =>
        Enum.TryParse<EntitySchema>(name, ignoreCase: true, out var s) ? s : EntitySchema.LegalEntity;
}
