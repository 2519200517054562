using static TorchSharp.torch;

namespace KerasNet.Backend;

/// <summary>The recurrences libtorch runs as one native op (<c>aten::lstm</c>, <c>gru</c>, <c>rnn_tanh</c>, <c>rnn_relu</c>).</summary>
internal enum FusedRnnKind
{
    /// <summary>LSTM, gates i, f, g, o; states h and c.</summary>
    Lstm = 0,
    /// <summary>GRU with the reset gate applied after the recurrent matmul, gates r, z, n; state h.</summary>
    Gru = 1,
    /// <summary>Elman RNN with tanh; state h.</summary>
    RnnTanh = 2,
    /// <summary>Elman RNN with relu; state h.</summary>
    RnnRelu = 3,
}

/// <summary>
/// Calls libtorch's fused single-layer, batch-first recurrent ops with parameter tensors the caller owns.
/// </summary>
/// <remarks>
/// TorchSharp reaches these ops only through <c>nn.LSTM</c>/<c>nn.GRU</c> modules, which own their parameters. The
/// ops themselves take the parameters as arguments, so they are called here through a TorchScript compilation unit
/// (compiled once per process): the layer passes views of its own Keras-layout variables (a transpose is a view, not
/// a copy), autograd records the op as usual, and the gradients land on the layer's variables.
/// </remarks>
internal static class FusedRnnKernels
{
    // hx holds [h] or [h, c], each (1, batch, units); params are [w_ih, w_hh, b_ih, b_hh] in torch's layout.
    // Every function returns (outputs, h_n, c_n) with c_n = h_n for the kinds that have no carry state.
    private const string Source = """
        def dense(kind: int, x: Tensor, hx: List[Tensor], params: List[Tensor]) -> Tuple[Tensor, Tensor, Tensor]:
            if kind == 0:
                y, h, c = torch.lstm(x, hx, params, True, 1, 0.0, False, False, True)
                return y, h, c
            if kind == 1:
                y, h = torch.gru(x, hx[0], params, True, 1, 0.0, False, False, True)
            elif kind == 2:
                y, h = torch.rnn_tanh(x, hx[0], params, True, 1, 0.0, False, False, True)
            else:
                y, h = torch.rnn_relu(x, hx[0], params, True, 1, 0.0, False, False, True)
            return y, h, h

        def packed(kind: int, x: Tensor, lengths: Tensor, hx: List[Tensor], params: List[Tensor]) -> Tuple[Tensor, Tensor, Tensor]:
            data, batch_sizes = torch._pack_padded_sequence(x, lengths, True)
            if kind == 0:
                y, h, c = torch.lstm(data, batch_sizes, hx, params, True, 1, 0.0, False, False)
            elif kind == 1:
                y, h = torch.gru(data, batch_sizes, hx[0], params, True, 1, 0.0, False, False)
                c = h
            elif kind == 2:
                y, h = torch.rnn_tanh(data, batch_sizes, hx[0], params, True, 1, 0.0, False, False)
                c = h
            else:
                y, h = torch.rnn_relu(data, batch_sizes, hx[0], params, True, 1, 0.0, False, False)
                c = h
            out, _ = torch._pad_packed_sequence(y, batch_sizes, True, 0.0, x.size(1))
            return out, h, c
        """;

    private static readonly Lazy<jit.CompilationUnit> Unit = new(() =>
    {
        Engine.Initialize();
        return jit.compile(Source + "\n"); // the TorchScript lexer wants the last line ended
    });

    /// <summary>
    /// Runs the recurrence over every step of <paramref name="x"/> <c>(batch, time, features)</c> from the states
    /// <paramref name="hx"/> (each <c>(1, batch, units)</c>); returns the outputs <c>(batch, time, units)</c> and the
    /// final states, each <c>(1, batch, units)</c>.
    /// </summary>
    public static (Tensor Outputs, Tensor H, Tensor C) Run(FusedRnnKind kind, Tensor x, Tensor[] hx, Tensor[] parameters) =>
        Invoke("dense", (int)kind, x, null, hx, parameters);

    /// <summary>
    /// As <see cref="Run"/> for sequences of different lengths: sample <c>b</c> runs its first
    /// <c>lengths[b]</c> steps (lengths ≥ 1, sorted in decreasing order, on the CPU); its outputs past that are zero and
    /// its final states are those after its last step.
    /// </summary>
    public static (Tensor Outputs, Tensor H, Tensor C) RunPacked(FusedRnnKind kind, Tensor x, Tensor lengths, Tensor[] hx, Tensor[] parameters) =>
        Invoke("packed", (int)kind, x, lengths, hx, parameters);

    /// <summary>
    /// Calls a function of the unit. Always with gradient mode on: without it libtorch 2.10 runs its LSTM inference
    /// through oneDNN, which returns wrong numbers for some sizes (e.g. 4 or 16 units; seen on AVX-512, for
    /// TorchSharp's own <c>nn.LSTM</c> too). Inputs that track no gradient (as under <c>no_grad</c>) record no graph.
    /// </summary>
    private static (Tensor, Tensor, Tensor) Invoke(string function, int kind, Tensor x, Tensor? lengths, Tensor[] hx, Tensor[] parameters)
    {
        object[] Arguments(Func<Tensor, Tensor> f) =>
            lengths is null ? [kind, f(x), hx.Select(f).ToArray(), parameters.Select(f).ToArray()] : [kind, f(x), lengths, hx.Select(f).ToArray(), parameters.Select(f).ToArray()];
        if (is_grad_enabled()) return Unit.Value.invoke<(Tensor, Tensor, Tensor)>(function, Arguments(t => t));
        using var grad = enable_grad();
        return Unit.Value.invoke<(Tensor, Tensor, Tensor)>(function, Arguments(t => t.detach()));
    }
}
