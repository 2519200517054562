using System.Text.Json.Nodes;

namespace KerasNet.Models;

public partial class Model
{
    /// <summary>
    /// The Keras class name: <c>Functional</c> for a model built with the Functional API (as Keras 3 writes it),
    /// <c>Model</c> for a subclassed model, the subclass's name for subclasses.
    /// </summary>
    public override string ClassName => GetType() == typeof(Model) && IsFunctional ? "Functional" : base.ClassName;

    /// <summary>
    /// The architecture (Keras <c>get_config</c>) of a Functional model: <c>name</c>, <c>trainable</c>, <c>layers</c>
    /// (each with <c>class_name</c>, <c>config</c>, <c>name</c> and <c>inbound_nodes</c> in Keras 3's <c>{"args", "kwargs"}</c> form),
    /// <c>input_layers</c> and <c>output_layers</c>. <see cref="Saving.ModelConfigReader"/> rebuilds the model from it.
    /// </summary>
    /// <exception cref="NotSupportedException">A subclassed model: its architecture lives in code, not in a graph.</exception>
    public override JsonObject GetConfig() => _graph is not null
        ? FunctionalConfigWriter.Write(this, _graph)
        : throw new NotSupportedException($"Model '{Name}' ({ClassName}) is a subclassed model: its layers are connected in code, so it has no config to write. Build it with the Functional API or Sequential to serialize it.");

    /// <summary>
    /// The model's architecture as JSON (Keras <c>to_json</c>): <c>{"class_name": "Functional"|"Sequential", "config": …}</c>.
    /// Weights are not included; <see cref="Saving.ModelConfigReader.FromJson"/> reads it back.
    /// </summary>
    public string ToJson() => new JsonObject { ["class_name"] = ClassName, ["config"] = GetConfig() }.ToJsonString();
}
