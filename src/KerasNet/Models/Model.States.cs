using KerasNet.Layers;

namespace KerasNet.Models;

public partial class Model
{
    /// <summary>
    /// Sets the states of every built stateful recurrent layer in the model, nested ones included, back to zeros (Keras
    /// <c>reset_states</c>): call it between independent sequences when training or predicting with stateful layers.
    /// </summary>
    public void ResetStates()
    {
        var pending = new Stack<Layer>(Sublayers);
        while (pending.Count > 0)
        {
            var layer = pending.Pop();
            if (layer is RNN { Stateful: true, Built: true } rnn) rnn.ResetStates();
            foreach (var inner in layer.Sublayers) pending.Push(inner);
        }
    }
}
