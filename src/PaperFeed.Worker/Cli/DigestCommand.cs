using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PaperFeed.Core.Digests;
using PaperFeed.Data.Digests;
using PaperFeed.Worker.Digests;

namespace PaperFeed.Worker.Cli;

/// <summary>
/// <c>digest run</c>: composes and sends what is due now and prints the counts; <c>digest preview EMAIL</c>: prints
/// the digest that subscriber would get now.
/// </summary>
internal static class DigestCommand
{
    public static Command Create() => new("digest", "Email digests: send what is due, or preview a subscriber's digest.")
    {
        CreateRun(),
        CreatePreview(),
    };

    private static Command CreateRun()
    {
        var command = new Command("run", "Compose the digests due now, send what the outbox holds, and print the counts.");
        command.SetAction(async (_, cancellationToken) =>
        {
            var builder = WorkerHost.CreateBuilder();
            builder.Services.AddDigestSending(builder.Configuration);
            using var host = builder.Build();
            var smtp = host.Services.GetRequiredService<IOptions<SmtpOptions>>().Value;
            var counts = await host.Services.GetRequiredService<DigestRun>().RunAsync(cancellationToken);
            Console.Out.WriteLine($"composed   {counts.Composed} ({counts.AlreadyQueued} already queued, {counts.Empty} with nothing new)");
            Console.Out.WriteLine($"sent       {counts.Sent}");
            Console.Out.WriteLine($"retried    {counts.Retried}");
            Console.Out.WriteLine($"failed     {counts.Failed}");
            Console.Out.WriteLine($"in doubt   {counts.InDoubt}");
            Console.Out.WriteLine(smtp.UsesPickupDirectory
                ? $"mail       written to {Path.GetFullPath(smtp.PickupDirectory)} (no Smtp:Host configured)"
                : $"mail       sent through {smtp.Host}:{smtp.Port}");
            return 0;
        });
        return command;
    }

    private static Command CreatePreview()
    {
        var email = new Argument<string>("email") { Description = "The subscriber's address." };
        var html = new Option<bool>("--html") { Description = "Print the HTML part instead of the text part." };
        var command = new Command("preview", "Print the digest a subscriber would get now (nothing is sent or recorded).") { email, html };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var builder = WorkerHost.CreateBuilder();
            using var host = builder.Build();
            await using var scope = host.Services.CreateAsyncScope();
            var preview = scope.ServiceProvider.GetRequiredService<DigestPreview>();
            if (SubscriberAddress.Parse(parse.GetRequiredValue(email), out var problem) is not { } address)
            {
                Console.Error.WriteLine($"error: {problem}");
                return 2;
            }

            if (await preview.FindByAddressAsync(address.Key, cancellationToken) is not { } subscriber)
            {
                Console.Error.WriteLine($"error: no subscriber has the address {address.Address}");
                return 1;
            }

            var (content, mail) = await preview.OfSubscriberAsync(subscriber, cancellationToken);
            Console.Out.WriteLine($"To: {subscriber.Email} ({subscriber.Status}, {subscriber.Frequency} at {subscriber.SendHour:00}:00 {subscriber.TimeZone})");
            Console.Out.WriteLine($"Subject: {mail.Subject}");
            Console.Out.WriteLine();
            Console.Out.Write(parse.GetValue(html) ? mail.HtmlBody : mail.TextBody);
            if (content.IsEmpty)
            {
                Console.Error.WriteLine("(nothing new for this subscriber in the period: no digest would be sent)");
            }

            return 0;
        });
        return command;
    }
}
