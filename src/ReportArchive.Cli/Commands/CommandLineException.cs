namespace ReportArchive.Cli.Commands;

/// <summary>A bad command line; the message is printed and the exit code is 2.</summary>
internal sealed class CommandLineException(string message) : Exception(message);
