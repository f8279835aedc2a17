using Microsoft.AspNetCore.Diagnostics;

namespace PaperFeed.Web.Hosting;

/// <summary>
/// Makes a value the framework cannot bind (<c>limit=abc</c>) a 400 problem whose detail names the parameter, as
/// the endpoints' own checks do: by default minimal APIs answer such requests with a bare 400 outside Development.
/// </summary>
public static class BindingProblems
{
    public static IServiceCollection AddBindingProblemDetails(this IServiceCollection services)
    {
        services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        services.AddExceptionHandler<BadRequestExceptionHandler>();
        return services;
    }

    private sealed class BadRequestExceptionHandler(IProblemDetailsService problemDetails) : IExceptionHandler
    {
        public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
        {
            if (exception is not BadHttpRequestException badRequest)
            {
                return false;
            }

            // The message names the parameter and the value: "Failed to bind parameter "int? limit" from "abc"."
            httpContext.Response.StatusCode = badRequest.StatusCode;
            return await problemDetails.TryWriteAsync(new ProblemDetailsContext
            {
                HttpContext = httpContext,
                Exception = exception,
                ProblemDetails = { Status = badRequest.StatusCode, Title = "Invalid request", Detail = badRequest.Message },
            });
        }
    }
}
