using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace PaperFeed.Web.Caching;

/// <summary>
/// HTTP caching for read endpoints: a 200 answer carries a strong <c>ETag</c> (a SHA-256 of its JSON body) and
/// <c>Cache-Control: public, max-age=N</c>; a request whose <c>If-None-Match</c> names that tag gets
/// 304 Not Modified without a body (RFC 9110 §13.1.2, weak comparison). Hashing the body itself means the tag
/// changes exactly when the answer does (a vote, a new paper, another page), whatever caused it.
/// </summary>
public static class ConditionalGet
{
    /// <summary>Adds the caching filter, and the 304 answer to the endpoint's OpenAPI description.</summary>
    public static RouteHandlerBuilder WithConditionalGet(this RouteHandlerBuilder endpoint, TimeSpan maxAge)
    {
        var cacheControl = $"public, max-age={(int)maxAge.TotalSeconds}";
        return endpoint
            .AddEndpointFilter((context, next) => ApplyAsync(context, next, cacheControl))
            .Produces(StatusCodes.Status304NotModified);
    }

    private static async ValueTask<object?> ApplyAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next, string cacheControl)
    {
        var result = await next(context);
        var answer = result is INestedHttpResult nested ? nested.Result : result;
        if (answer is not IStatusCodeHttpResult { StatusCode: StatusCodes.Status200OK } || answer is not IValueHttpResult { Value: { } value })
        {
            return result;
        }

        var http = context.HttpContext;
        var json = http.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        var body = JsonSerializer.SerializeToUtf8Bytes(value, value.GetType(), json);
        var etag = new EntityTagHeaderValue($"\"{Base64Url.EncodeToString(SHA256.HashData(body).AsSpan(0, 16))}\"");

        http.Response.Headers.ETag = etag.ToString();
        http.Response.Headers.CacheControl = cacheControl;
        var ifNoneMatch = http.Request.GetTypedHeaders().IfNoneMatch;
        if (ifNoneMatch.Any(tag => tag.Equals(EntityTagHeaderValue.Any) || tag.Compare(etag, useStrongComparison: false)))
        {
            return TypedResults.StatusCode(StatusCodes.Status304NotModified);
        }

        // The body is already serialized for the hash: send those bytes rather than serialize again.
        return TypedResults.Bytes(body, "application/json; charset=utf-8");
    }
}
