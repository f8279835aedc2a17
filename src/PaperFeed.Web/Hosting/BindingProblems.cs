namespace PaperFeed.Web.Hosting;

/// <summary>
/// Makes a value the framework cannot bind (<c>limit=abc</c>) a 400 problem whose detail names the parameter, as
/// the endpoints' own checks do: by default minimal APIs answer such requests with a bare 400 outside Development.
/// </summary>
public static class BindingProblems
{
    public static IServiceCollection AddBindingProblemDetails(this IServiceCollection services) =>
        services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);

    /// <summary>
    /// Catches the binding failure inside the request log, so that it is logged as the 400 it becomes rather than
    /// as a failed request.
    /// </summary>
    public static void UseBindingProblemDetails(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            try
            {
                await next(context);
            }
            catch (BadHttpRequestException badRequest) when (!context.Response.HasStarted)
            {
                // The message names the parameter and the value: Failed to bind parameter "int? limit" from "abc".
                context.Response.Clear();
                context.Response.StatusCode = badRequest.StatusCode;
                await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
                {
                    HttpContext = context,
                    ProblemDetails = { Status = badRequest.StatusCode, Title = "Invalid request", Detail = badRequest.Message },
                });
            }
        });
}
