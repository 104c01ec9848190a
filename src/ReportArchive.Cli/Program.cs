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
