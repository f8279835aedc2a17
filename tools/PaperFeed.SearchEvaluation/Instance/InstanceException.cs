namespace PaperFeed.SearchEvaluation.Instance;

/// <summary>The PaperFeed instance could not be reached, or answered something the evaluation cannot use.</summary>
internal sealed class InstanceException : Exception
{
    public InstanceException()
    {
    }

    public InstanceException(string message) : base(message)
    {
    }

    public InstanceException(string message, Exception innerException) : base(message, innerException)
    {
    }
}
