using System.Globalization;
using MimeKit;

namespace PaperFeed.Worker.Digests;

/// <summary>
/// Delivery into a folder, one .eml file a message (the format mail clients open), for machines without a mail
/// server. Each file is written under a temporary name and renamed, so a reader never sees half a message.
/// </summary>
public sealed class PickupFolderDelivery(string directory, TimeProvider clock) : IMailDelivery
{
    public async Task DeliverAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        try
        {
            Directory.CreateDirectory(directory);
            var name = string.Create(CultureInfo.InvariantCulture, $"{clock.GetUtcNow():yyyyMMdd'T'HHmmss'Z'}-{SafeName(message.MessageId ?? Guid.NewGuid().ToString("N"))}");
            var temporary = Path.Combine(directory, "." + name + ".tmp");
            await using (var file = File.Create(temporary))
            {
                await message.WriteToAsync(file, cancellationToken);
            }

            File.Move(temporary, Path.Combine(directory, name + ".eml"), overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new MailDeliveryException(DeliveryFailure.Transient, $"cannot write to {directory}: {e.Message}", e, serverUnreachable: true);
        }
    }

    private static string SafeName(string messageId) =>
        new(messageId.Select(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_' ? c : '_').ToArray());

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
