namespace BuyerMessaging.Internal;

/// <summary>
/// A multinomial logistic regression (softmax) over sparse features of a question, trained on the templates' names and
/// example questions when a <see cref="TemplateIndex"/> is built: the words (as <see cref="MatchTokenizer"/> cuts them),
/// adjacent word pairs, and the character 3- to 5-grams of each alphabetic word (marked at its edges), so that
/// inflections, compounds and typos still meet. Binary features, each question's vector scaled to unit length.
/// </summary>
/// <remarks>
/// Training is deterministic (a fixed shuffle), plain stochastic gradient descent with a decaying rate and a small L2
/// penalty: <see cref="Epochs"/> passes, cost proportional to examples × features × templates. Weights are dense
/// (features × templates floats), which is why <see cref="LexicalTemplateMatcherOptions.ClassifierTemplateLimit"/>
/// bounds the number of templates a classifier is trained for. Immutable once trained; safe to share between threads.
/// </remarks>
internal sealed class TemplateClassifier
{
    internal const int Epochs = 20;
    internal const double LearningRate = 1.0;
    internal const double L2 = 1e-5;

    private readonly Dictionary<string, int> _features;
    private readonly float[] _weights;
    private readonly float[] _bias;

    private TemplateClassifier(Dictionary<string, int> features, float[] weights, float[] bias)
    {
        _features = features;
        _weights = weights;
        _bias = bias;
    }

    /// <summary>Gets the number of classes (templates).</summary>
    public int Classes => _bias.Length;

    /// <summary>Trains on the given examples of each class; <see langword="null"/> when there are fewer than two classes or no features.</summary>
    /// <param name="examples">For each class, the term lists of its training texts.</param>
    public static TemplateClassifier? Train(IReadOnlyList<IReadOnlyList<List<string>>> examples)
    {
        var classes = examples.Count;
        if (classes < 2)
        {
            return null;
        }

        var features = new Dictionary<string, int>(StringComparer.Ordinal);
        var data = new List<(int[] Ids, float Value, int Class)>();
        for (var c = 0; c < classes; c++)
        {
            foreach (var terms in examples[c])
            {
                var ids = Vector(terms, features, grow: true);
                if (ids.Length > 0)
                {
                    data.Add((ids, (float)(1 / Math.Sqrt(ids.Length)), c));
                }
            }
        }

        if (data.Count == 0)
        {
            return null;
        }

        var weights = new float[features.Count * classes];
        var bias = new float[classes];
        var p = new double[classes];
        var order = Enumerable.Range(0, data.Count).ToArray();
        var shuffle = new Random(data.Count);
        for (var epoch = 0; epoch < Epochs; epoch++)
        {
            shuffle.Shuffle(order);
            var rate = LearningRate / (1 + (0.1 * epoch));
            foreach (var i in order)
            {
                var (ids, value, target) = data[i];
                Probabilities(weights, bias, ids, value, p);
                p[target] -= 1;
                for (var c = 0; c < classes; c++)
                {
                    bias[c] -= (float)(rate * p[c]);
                }

                foreach (var id in ids)
                {
                    var row = id * classes;
                    for (var c = 0; c < classes; c++)
                    {
                        weights[row + c] -= (float)(rate * ((p[c] * value) + (L2 * weights[row + c])));
                    }
                }
            }
        }

        return new TemplateClassifier(features, weights, bias);
    }

    /// <summary>The probability of each class for a question's terms (in order, with repeats); <see langword="null"/> when no feature is known.</summary>
    public double[]? Predict(List<string> terms)
    {
        var ids = Vector(terms, _features, grow: false);
        if (ids.Length == 0)
        {
            return null;
        }

        var p = new double[Classes];
        Probabilities(_weights, _bias, ids, (float)(1 / Math.Sqrt(ids.Length)), p);
        return p;
    }

    private static void Probabilities(float[] weights, float[] bias, int[] ids, float value, double[] p)
    {
        var classes = bias.Length;
        for (var c = 0; c < classes; c++)
        {
            p[c] = bias[c];
        }

        foreach (var id in ids)
        {
            var row = id * classes;
            for (var c = 0; c < classes; c++)
            {
                p[c] += weights[row + c] * value;
            }
        }

        var max = double.NegativeInfinity;
        for (var c = 0; c < classes; c++)
        {
            max = Math.Max(max, p[c]);
        }

        var sum = 0.0;
        for (var c = 0; c < classes; c++)
        {
            p[c] = Math.Exp(p[c] - max);
            sum += p[c];
        }

        for (var c = 0; c < classes; c++)
        {
            p[c] /= sum;
        }
    }

    /// <summary>The distinct feature ids of a term list; unknown features are added when <paramref name="grow"/>, skipped otherwise.</summary>
    private static int[] Vector(List<string> terms, Dictionary<string, int> features, bool grow)
    {
        var ids = new HashSet<int>();
        void Add(string feature)
        {
            if (features.TryGetValue(feature, out var id) || (grow && features.TryAdd(feature, id = features.Count)))
            {
                ids.Add(id);
            }
        }

        for (var i = 0; i < terms.Count; i++)
        {
            var term = terms[i];
            Add("w:" + term);
            if (i + 1 < terms.Count)
            {
                Add("b:" + term + " " + terms[i + 1]);
            }

            if (term.Length >= 3 && char.IsLetter(term[0]) && Scripts.Of(term[0]) != ScriptGroup.Cjk)
            {
                var marked = "<" + term + ">";
                for (var n = 3; n <= 5; n++)
                {
                    for (var k = 0; k + n <= marked.Length; k++)
                    {
                        Add(string.Concat("c:", marked.AsSpan(k, n)));
                    }
                }
            }
        }

        return [.. ids];
    }
}
