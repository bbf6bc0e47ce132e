namespace BuyerMessaging.Email.Tests;

public sealed partial class MimeMessageParserTests
{
    /// <summary>
    /// Every file of the shared corpus of malformed and tricky MIME (from MimeKit's, CPython's and Ruby mail's test
    /// suites) either parses or fails with a reason: no exception, nothing silently dropped.
    /// </summary>
    [CorpusFact]
    public void Parse_EveryCorpusFile_ParsesOrFailsWithReason()
    {
        var files = Directory.GetFiles(TestFiles.MimeCorpus!, "*", SearchOption.AllDirectories);
        Assert.NotEmpty(files);

        var problems = new List<string>();
        var parsed = 0;
        foreach (var file in files.Order(StringComparer.Ordinal))
        {
            var raw = File.ReadAllBytes(file);
            InboundParseResult result;
            try
            {
                result = _parser.Parse(raw, file);
            }
            catch (Exception ex)
            {
                problems.Add($"{file}: threw {ex.GetType().Name}: {ex.Message}");
                continue;
            }

            if (result.Succeeded)
            {
                parsed++;
                if (result.Message!.Raw.Length != raw.Length)
                {
                    problems.Add($"{file}: raw bytes not kept");
                }
            }
            else if (string.IsNullOrWhiteSpace(result.Error) || result.Raw.Length != raw.Length)
            {
                problems.Add($"{file}: failed without a reason or without its raw bytes");
            }
        }

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
        Assert.True(parsed > files.Length / 2, $"only {parsed} of {files.Length} corpus files parsed");
    }
}
