namespace ReportArchive.Search;

/// <summary>An <c>after</c> token that is not one a page of the same search gave: garbled, made up, or from another query, filters or sort.</summary>
public sealed class InvalidCursorException : Exception
{
    public InvalidCursorException()
        : this("the token is not one this search gave")
    {
    }

    public InvalidCursorException(string message)
        : base(message)
    {
    }

    public InvalidCursorException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
