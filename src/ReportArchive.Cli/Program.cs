using System.CommandLine;
using ReportArchive.Cli.Commands;

var root = new RootCommand("ReportArchive: import, search and inspect government information-disclosure annual reports.")
{
    CommonOptions.DataDirectory,
    ImportCommand.Create(),
    SearchCommand.Create(),
    ShowCommand.Create(),
    ParseCommand.Create(),
    EvaluateCommand.Create(),
    ExportCommand.Create(),
    BackupCommand.Create(),
    RestoreCommand.Create(),
    VerifyCommand.Create(),
};

try
{
    return await root.Parse(args).InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
}
catch (CommandLineException exception)
{
    Console.Error.WriteLine(exception.Message);
    return 2;
}
catch (Exception exception) when (UserErrorMessage.For(exception) is { } message)
{
    // a user's situation (a path, a full disk, a damaged or busy archive): one line and exit 1, never a stack trace
    Console.Error.WriteLine($"error: {message}");
    return 1;
}
