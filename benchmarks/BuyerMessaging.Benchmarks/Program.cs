using BenchmarkDotNet.Running;
using BuyerMessaging.Benchmarks;

// `dotnet run -c Release --project benchmarks/BuyerMessaging.Benchmarks -- --filter '*'` runs every benchmark;
// `... -- matching [calibrate | dev | all-examples | language | shop [details] | semantic [sweep | calibrate | static --vectors <file>] | static [--without <domains>] [--save <file>]]` evaluates the smart-reply matcher (and the semantic re-ranker) against the Lucene.Net baseline (`static`: the trained static embedding experiment, benchmarks/README.md);
// `... -- content` evaluates the Amazon content check on the hand-written seller replies (recall per language and rule, false positives on look-alikes);
// `... -- stage [--rounds N] [--messages N] [--batch N] [--pipeline [--ahead N]] [--store sqlite|memory|parse] [--gc | --alloc]` repeats the store stage alone (pre-parsed mail into SQLite; with --pipeline the whole pipeline), for quick checks and profiling;
// `... -- retained [--messages N] [--wait]` prints the bytes a parse result and the in-memory store keep a message (--wait: pause for a heap dump);
// `... -- soak [--messages N] [--store sqlite|memory|parse] [--batch N] [--preparsed | --pipeline] [--profile] [--gc]` runs the long SQLite ingest that checks memory stays flat (see benchmarks/README.md).
if (args.Length > 0 && args[0] == "matching")
{
    return MatchingEvaluation.Run(args[1..]);
}

if (args.Length > 0 && args[0] == "content")
{
    return ContentCheckEvaluation.Run(MatchingEvaluation.FindRoot());
}

if (args.Length > 0 && args[0] == "soak")
{
    return await IngestSoak.RunAsync(args[1..]);
}

if (args.Length > 0 && args[0] == "retained")
{
    return await RetainedBytes.RunAsync(args[1..]);
}

if (args.Length > 0 && args[0] == "stage")
{
    return await IngestSoak.RunStageAsync(args[1..]);
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args, OwnCodeOptimizedValidator.Config);
return 0;
