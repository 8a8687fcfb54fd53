namespace Vigil.Server.Api;

/// <summary>One problem in a request, FastAPI style: where (["body", "queries", "q1", "schema"]), what, and a type tag.</summary>
public sealed record YenteFieldError(IReadOnlyList<string> Loc, string Msg, string Type);

/// <summary>
/// Errors as yente (FastAPI) returns them: <c>{"detail": "..."}</c> for a request that parses but
/// cannot be answered (400, 404), <c>{"detail": [{"loc", "msg", "type"}]}</c> for one that does not
/// validate (422), so yente clients handle Vigil's errors unchanged.
/// </summary>
internal static class YenteErrors
{
    public static IResult Detail(int status, string detail) => Results.Json(new { detail }, statusCode: status);

    public static IResult Invalid(params YenteFieldError[] errors) => Results.Json(new { detail = errors }, statusCode: 422);

    public static IResult Invalid(IReadOnlyList<YenteFieldError> errors) => Results.Json(new { detail = errors }, statusCode: 422);
}
