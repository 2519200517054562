namespace KerasNet.Tests.Layers.Rnn;

/// <summary>
/// An independent float64 reference of Keras's recurrent layers, written from Keras's equations with arrays and loops
/// only (no libtorch): the SimpleRNN, LSTM and GRU (both reset_after forms) cells, and the RNN loop with go_backwards,
/// masks (states carried, output repeated or zeroed) and initial states, one sample at a time.
/// </summary>
internal static class RnnReference
{
    /// <summary>One cell: its kind (<c>simple</c>, <c>lstm</c>, <c>gru</c>), activations and Keras-layout weights.</summary>
    /// <param name="Bias">Flattened bias: <c>units·gates</c> values, or <c>2·3·units</c> (input row, recurrent row) for a GRU with reset_after; null without bias.</param>
    public sealed record Cell(string Kind, int Units, string Activation, string RecurrentActivation, bool ResetAfter,
        double[,] Kernel, double[,] Recurrent, double[]? Bias)
    {
        public int StateCount => Kind == "lstm" ? 2 : 1;
    }

    /// <summary>The result of one sample's run: outputs in processing order, the last output, the final states.</summary>
    public sealed record Run(double[][] Outputs, double[] Last, double[][] States);

    public static double Activate(string name, double x) => name switch
    {
        "tanh" => Math.Tanh(x),
        "sigmoid" => 1 / (1 + Math.Exp(-x)),
        "relu" => Math.Max(x, 0),
        "linear" => x,
        "hard_sigmoid" => Math.Clamp(x / 6 + 0.5, 0, 1),
        "hard_sigmoid_keras2" => Math.Clamp(0.2 * x + 0.5, 0, 1),
        _ => throw new ArgumentException($"no reference for activation {name}"),
    };

    /// <summary><c>x·W[:, offset:offset+units]</c>.</summary>
    private static double[] Project(double[] x, double[,] w, int offset, int units)
    {
        var y = new double[units];
        for (int j = 0; j < units; j++)
            for (int i = 0; i < x.Length; i++)
                y[j] += x[i] * w[i, offset + j];
        return y;
    }

    private static double BiasAt(Cell c, int row, int index) => c.Bias is null ? 0 : c.Bias[row * 3 * c.Units + index];

    /// <summary>One step of <paramref name="c"/> (inference: no dropout).</summary>
    public static (double[] Output, double[][] States) Step(Cell c, double[] x, double[][] states)
    {
        int u = c.Units;
        double A(double v) => Activate(c.Activation, v);
        double R(double v) => Activate(c.RecurrentActivation, v);
        var h = states[0];
        switch (c.Kind)
        {
            case "simple":
            {
                var xp = Project(x, c.Kernel, 0, u);
                var hp = Project(h, c.Recurrent, 0, u);
                var y = Enumerable.Range(0, u).Select(j => A(xp[j] + hp[j] + (c.Bias?[j] ?? 0))).ToArray();
                return (y, [y]);
            }
            case "lstm":
            {
                var z = Enumerable.Range(0, 4).Select(g =>
                {
                    var xp = Project(x, c.Kernel, g * u, u);
                    var hp = Project(h, c.Recurrent, g * u, u);
                    return Enumerable.Range(0, u).Select(j => xp[j] + hp[j] + (c.Bias?[g * u + j] ?? 0)).ToArray();
                }).ToArray();
                var cell = new double[u];
                var hNew = new double[u];
                for (int j = 0; j < u; j++)
                {
                    cell[j] = R(z[1][j]) * states[1][j] + R(z[0][j]) * A(z[2][j]);
                    hNew[j] = R(z[3][j]) * A(cell[j]);
                }
                return (hNew, [hNew, cell]);
            }
            case "gru":
            {
                double[] Input(int g) => Project(x, c.Kernel, g * u, u).Select((v, j) => v + BiasAt(c, 0, g * u + j)).ToArray();
                double[] Hidden(double[] hv, int g) =>
                    Project(hv, c.Recurrent, g * u, u).Select((v, j) => v + (c.ResetAfter ? BiasAt(c, 1, g * u + j) : 0)).ToArray();
                double[] xz = Input(0), xr = Input(1), xh = Input(2), hz = Hidden(h, 0), hr = Hidden(h, 1);
                var z = xz.Select((v, j) => R(v + hz[j])).ToArray();
                var r = xr.Select((v, j) => R(v + hr[j])).ToArray();
                var recurrentH = c.ResetAfter
                    ? Hidden(h, 2).Select((v, j) => r[j] * v).ToArray()
                    : Project(h.Select((v, j) => r[j] * v).ToArray(), c.Recurrent, 2 * u, u);
                var hNew = Enumerable.Range(0, u).Select(j => z[j] * h[j] + (1 - z[j]) * A(xh[j] + recurrentH[j])).ToArray();
                return (hNew, [hNew]);
            }
            default:
                throw new ArgumentException($"unknown cell kind {c.Kind}");
        }
    }

    /// <summary>A stack of cells as one step (StackedRNNCells): states flattened in cell order.</summary>
    public static (double[] Output, double[][] States) StackedStep(IReadOnlyList<Cell> cells, double[] x, double[][] states)
    {
        var next = new List<double[]>();
        int k = 0;
        foreach (var c in cells)
        {
            var (y, s) = Step(c, x, states[k..(k + c.StateCount)]);
            next.AddRange(s);
            k += c.StateCount;
            x = y;
        }
        return (x, next.ToArray());
    }

    /// <summary>Keras's RNN loop over one sample's sequence.</summary>
    public static Run Sequence(IReadOnlyList<Cell> cells, double[][] xs, bool[]? mask, double[][] initial, bool goBackwards, bool zeroOutputForMask)
    {
        int time = xs.Length, units = cells[^1].Units;
        var states = initial;
        var previous = new double[units];
        var outputs = new double[time][];
        for (int i = 0; i < time; i++)
        {
            int t = goBackwards ? time - 1 - i : i;
            var (y, next) = StackedStep(cells, xs[t], states);
            if (mask is not null && !mask[t])
            {
                y = zeroOutputForMask ? new double[units] : previous;
                next = states;
            }
            outputs[i] = y;
            previous = y;
            states = next;
        }
        return new Run(outputs, previous, states);
    }
}
