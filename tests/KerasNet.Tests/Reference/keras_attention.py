"""Expected values for tests/KerasNet.Tests/Layers/Attention.

Re-implements with numpy (float32, as Keras computes) the math of Keras 3's attention layers, read from
keras/src/layers/attention/attention.py, additive_attention.py, multi_head_attention.py and
keras/src/layers/activations/softmax.py:
- Attention: scores = q @ k^T (* scale) or concat_w * sum(tanh(scale * (q + k))); masked scores -= 1e9;
  softmax over the last axis; out = weights @ v, times the query mask. The value mask (B, Tv) acts as
  (B, 1, Tv) (keras-team/keras#21595); the causal mask is tril(ones(Tq, Tv)).
- AdditiveAttention: scores = sum(scale * tanh(q + k)).
- MultiHeadAttention: EinsumDense projections 'abc,cde->abde' (+ bias (N, H)), query * 1/sqrt(key_dim),
  scores = einsum('aecd,abcd->acbe', key, query), + (1 - mask) * -1e9, softmax over the key axes,
  out = einsum('acbe,aecd->abcd'), output projection 'abcd,cde->abe' (+ bias).
Inputs and weights are seq(shape, a, b) = sin(arange(n) * a + b) reshaped, computed in float64 and cast to
float32 (the C# tests build the same tensors). Run: python3 keras_attention.py
"""
import numpy as np

f = np.float32


def seq(shape, a, b):
    n = int(np.prod(shape))
    return np.sin(np.arange(n, dtype=np.float64) * a + b).astype(f).reshape(shape)


def show(label, x):
    flat = np.asarray(x, dtype=np.float64).ravel()
    print(f"{label} {list(np.shape(x))}:")
    print("    " + ", ".join(f"{v:.7g}f" for v in flat))


def softmax(x, axes=(-1,)):
    m = x.max(axis=axes, keepdims=True)
    e = np.exp(x - m)
    return (e / e.sum(axis=axes, keepdims=True)).astype(f)


def causal(tq, tv):
    return np.tril(np.ones((tq, tv), dtype=bool))


# ---------------------------------------------------------------- Attention / AdditiveAttention
def apply_scores(s, v, q_mask=None, v_mask=None, use_causal=False):
    mask = None if v_mask is None else v_mask[:, None, :]
    if use_causal:
        c = causal(s.shape[-2], s.shape[-1])[None]
        mask = c if mask is None else (mask & c)
    if mask is not None:
        s = s - f(1e9) * (~mask).astype(f)
    w = softmax(s)
    out = w @ v
    if q_mask is not None:
        out = out * q_mask[..., None].astype(f)
    return out, w


def dot_scores(q, k, scale=None):
    s = q @ k.transpose(0, 2, 1)
    return s if scale is None else s * f(scale)


def concat_scores(q, k, scale=None, concat_w=1.0):
    t = q[:, :, None, :] + k[:, None, :, :]
    if scale is not None:
        t = f(scale) * t
    return f(concat_w) * np.tanh(t).sum(-1)


def additive_scores(q, k, scale=None):
    t = np.tanh(q[:, :, None, :] + k[:, None, :, :])
    return (t if scale is None else scale * t).sum(-1)


q = seq((2, 2, 2), 0.7, 0.3)
v = seq((2, 3, 3), 0.5, -0.2)
k = seq((2, 3, 2), 0.9, 1.1)
q_mask = np.array([[True, False], [True, True]])
v_mask = np.array([[True, True, False], [True, False, False]])

print("# Attention(dot), [q, v, k]")
out, w = apply_scores(dot_scores(q, k), v)
show("out", out); show("weights", w)
print("# Attention(dot, use_scale, scale=0.5), [q, v, k]")
out, w = apply_scores(dot_scores(q, k, 0.5), v)
show("out", out)
print("# Attention(dot), [q, v, k], query and value masks")
out, w = apply_scores(dot_scores(q, k), v, q_mask, v_mask)
show("out", out); show("weights", w)
q3 = seq((2, 3, 3), 0.4, 0.1)
print("# Attention(dot), self-attention [q3, q3], causal")
out, w = apply_scores(dot_scores(q3, q3), q3, use_causal=True)
show("out", out); show("weights", w)
print("# Attention(dot), self-attention [q3, q3], causal + value mask [[1,1,1],[1,0,1]]")
out, w = apply_scores(dot_scores(q3, q3), q3, v_mask=np.array([[True, True, True], [True, False, True]]), use_causal=True)
show("weights", w)
print("# Attention(concat, use_scale, scale=0.5, concat_score_weight=2), [q, v, k]")
out, w = apply_scores(concat_scores(q, k, 0.5, 2.0), v)
show("out", out)
print("# AdditiveAttention(use_scale, scale=[0.5, -1.5]), [q, v, k], query and value masks")
out, w = apply_scores(additive_scores(q, k, np.array([0.5, -1.5], dtype=f)), v, q_mask, v_mask)
show("out", out); show("weights", w)
print("# AdditiveAttention(use_scale=False), [q, kv] (kv is value and key)")
kv = seq((2, 3, 2), 0.3, 0.8)
out, w = apply_scores(additive_scores(q, kv), kv)
show("out", out)


# ---------------------------------------------------------------- MultiHeadAttention
def proj(x, kernel, bias):
    y = np.einsum("abc,cde->abde", x, kernel)
    return y if bias is None else y + bias


def mha(query, value, key, W, heads, key_dim, mask=None, use_bias=True):
    qk, qb, kk, kb, vk, vb, ok, ob = W
    Q = proj(query, qk, qb if use_bias else None)
    K = proj(key, kk, kb if use_bias else None)
    V = proj(value, vk, vb if use_bias else None)
    Q = Q * f(1.0 / np.sqrt(key_dim))
    S = np.einsum("aecd,abcd->acbe", K, Q)
    if mask is not None:
        S = S + (f(1) - mask[:, None].astype(f)) * f(-1e9)
    P = softmax(S)
    O = np.einsum("acbe,aecd->abcd", P, V)
    n_out = ok.ndim - 2
    out_eq = "abcd,cd" + "efg"[:n_out] + "->ab" + "efg"[:n_out]
    out = np.einsum(out_eq, O, ok)
    if use_bias:
        out = out + ob
    return out.astype(f), P


def mha_weights(dq, dk, dv, heads, key_dim, value_dim, out_shape):
    return [
        seq((dq, heads, key_dim), 0.37, 0.1), seq((heads, key_dim), 0.91, 0.2),
        seq((dk, heads, key_dim), 0.53, 0.3), seq((heads, key_dim), 0.77, 0.4),
        seq((dv, heads, value_dim), 0.29, 0.5), seq((heads, value_dim), 0.61, 0.6),
        seq((heads, value_dim) + tuple(out_shape), 0.43, 0.7), seq(tuple(out_shape), 0.83, 0.8),
    ]


B, T, S, DQ, DV, N, KD = 2, 3, 4, 4, 5, 2, 3
mq = seq((B, T, DQ), 0.6, 0.2)
mv = seq((B, S, DV), 0.45, -0.4)
W = mha_weights(DQ, DV, DV, N, KD, KD, (DQ,))
print("# MHA(num_heads=2, key_dim=3), query (2,3,4), value (2,4,5)")
out, P = mha(mq, mv, mv, W, N, KD)
show("out", out); show("scores", P)

amask = np.ones((B, T, S), dtype=bool)
amask[0, 0, 1:] = False
amask[0, 2, :] = False          # fully masked row
amask[1, 1, 0] = False
amask[1, 1, 3] = False
print("# MHA attention_mask (row [0,2] fully masked)")
out, P = mha(mq, mv, mv, W, N, KD, amask)
show("out", out); show("scores", P)

print("# MHA query mask [[1,1,0],[1,1,1]] value mask [[1,1,1,0],[1,0,1,1]]")
qm = np.array([[True, True, False], [True, True, True]])
vm = np.array([[True, True, True, False], [True, False, True, True]])
out, P = mha(mq, mv, mv, W, N, KD, qm[:, :, None] & vm[:, None, :])
show("out", out)

print("# MHA self-attention on query (2,3,4), use_causal_mask")
Wself = mha_weights(DQ, DQ, DQ, N, KD, KD, (DQ,))
out, P = mha(mq, mq, mq, Wself, N, KD, np.broadcast_to(causal(T, T), (B, T, T)))
show("out", out); show("scores", P)

print("# MHA key_dim=3, value_dim=2, output_shape=7, key (2,4,3) given, use_bias=False")
mk = seq((B, S, 3), 0.95, 0.05)
Wv = mha_weights(DQ, 3, DV, N, KD, 2, (7,))
out, P = mha(mq, mv, mk, Wv, N, KD, use_bias=False)
show("out", out)

print("# MHA attention_axes=(1, 2): query (2,2,3,4), value (2,2,3,5), num_heads=2, key_dim=3")
q4 = seq((2, 2, 3, 4), 0.6, 0.2)
v4 = seq((2, 2, 3, 5), 0.45, -0.4)
Q = np.einsum("abcd,def->abcef", q4, W[0]) + W[1]
K = np.einsum("abcd,def->abcef", v4, W[2]) + W[3]
V = np.einsum("abcd,def->abcef", v4, W[4]) + W[5]
Q = Q * f(1.0 / np.sqrt(KD))
S4 = np.einsum("afgde,abcde->adbcfg", K, Q)
P4 = softmax(S4, axes=(-2, -1))
O4 = np.einsum("adbcfg,afgde->abcde", P4, V)
out4 = np.einsum("abcde,def->abcf", O4, W[6]) + W[7]
show("out", out4)
