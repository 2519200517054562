"""Expected values for tests/KerasNet.Tests/Losses and Metrics.

Re-implements Keras 3's loss and metric formulas (keras/src/losses/losses.py, loss.py,
keras/src/metrics/*.py and the torch backend's nn ops) with numpy in float32, as Keras computes
them, and prints the numbers pasted into the C# tests. Run: python3 keras_losses_metrics.py
"""
import numpy as np

f = np.float32
EPS = f(1e-7)


def a(x):
    return np.array(x, dtype=f)


def show(label, value):
    print(f"{label}: {np.array2string(np.asarray(value, dtype=np.float64), precision=9, separator=', ')}")


# ---------------------------------------------------------------- reductions (loss.py)
def reduce(values, sample_weight=None, reduction="sum_over_batch_size", mask=None):
    values = a(values)
    if mask is not None:
        m = a(mask)
        if reduction in ("mean", "sum_over_batch_size"):
            m = m * (f(m.size) / m.sum() if m.sum() != 0 else f(0))
        sample_weight = m if sample_weight is None else a(sample_weight) * m
    if sample_weight is not None:
        sample_weight = a(sample_weight)
        values = values * sample_weight
    if reduction == "none":
        return values
    loss = values.sum(dtype=f)
    if reduction == "sum":
        return loss
    if reduction == "mean_with_sample_weight" and sample_weight is not None:
        return loss / sample_weight.sum(dtype=f)
    return loss / f(values.size)


# ---------------------------------------------------------------- losses (losses.py)
def mse(t, p): return np.mean(np.square(a(t) - a(p)), axis=-1)
def mae(t, p): return np.mean(np.abs(a(t) - a(p)), axis=-1)
def mape(t, p):
    t, p = a(t), a(p)
    return f(100) * np.mean(np.abs((t - p) / np.maximum(np.abs(t), EPS)), axis=-1)
def msle(t, p):
    t, p = a(t), a(p)
    return np.mean(np.square(np.log(np.maximum(p, EPS) + f(1)) - np.log(np.maximum(t, EPS) + f(1))), axis=-1)
def huber(t, p, delta=1.0):
    e = a(p) - a(t); d = f(delta)
    return np.mean(np.where(np.abs(e) <= d, f(0.5) * e * e, d * np.abs(e) - f(0.5) * d * d), axis=-1)
def softplus(x): return np.logaddexp(f(0), x).astype(f)
def log_cosh(t, p):
    x = a(p) - a(t)
    return np.mean(x + softplus(x * f(-2)) - f(np.log(2.0)), axis=-1)
def bce_elem(t, p, from_logits=False):
    t, p = a(t), a(p)
    if from_logits:  # torch binary_cross_entropy_with_logits
        return (np.maximum(p, 0) - p * t + np.log1p(np.exp(-np.abs(p)))).astype(f)
    p = np.clip(p, EPS, f(1 - 1e-7))
    return -(t * np.log(p) + (f(1) - t) * np.log(f(1) - p))
def bce(t, p, from_logits=False, label_smoothing=0.0):
    t = a(t)
    if label_smoothing: t = t * f(1 - label_smoothing) + f(0.5 * label_smoothing)
    return np.mean(bce_elem(t, p, from_logits), axis=-1)
def bfce(t, p, gamma=2.0, alpha=0.25, balance=False, from_logits=False, label_smoothing=0.0):
    t, p = a(t), a(p)
    if label_smoothing: t = t * f(1 - label_smoothing) + f(0.5 * label_smoothing)
    if from_logits: p = (f(1) / (f(1) + np.exp(-p))).astype(f)
    b = bce_elem(t, p)
    pt = t * p + (f(1) - t) * (f(1) - p)
    focal = np.power(f(1) - pt, f(gamma)) * b
    if balance: focal = (t * f(alpha) + (f(1) - t) * f(1 - alpha)) * focal
    return np.mean(focal, axis=-1)
def log_softmax(x):
    x = a(x); m = x.max(-1, keepdims=True)
    return x - m - np.log(np.exp(x - m).sum(-1, keepdims=True))
def cce(t, p, from_logits=False, label_smoothing=0.0):
    t, p = a(t), a(p)
    if label_smoothing: t = t * f(1 - label_smoothing) + f(label_smoothing) / f(t.shape[-1])
    lp = log_softmax(p) if from_logits else np.log(np.clip(p / p.sum(-1, keepdims=True), EPS, f(1 - 1e-7)))
    return -(t * lp).sum(-1)
def scce(labels, p, from_logits=False):
    p = a(p); n = p.shape[-1]
    return cce(np.eye(n, dtype=f)[np.array(labels)], p, from_logits)
def kld(t, p):
    t, p = np.clip(a(t), EPS, f(1)), np.clip(a(p), EPS, f(1))
    return (t * np.log(t / p)).sum(-1)
def poisson(t, p):
    t, p = a(t), a(p)
    return np.mean(p - t * np.log(p + EPS), axis=-1)
def normalize(x):
    x = a(x)
    return x * np.minimum(f(1) / np.sqrt((x * x).sum(-1, keepdims=True)), f(1e7))
def cosine(t, p): return -(normalize(t) * normalize(p)).sum(-1)
def to_hinge(t):
    t = a(t)
    return 2 * t - 1 if np.all((t == 0) | (t == 1)) else t
def hinge(t, p): return np.mean(np.maximum(f(1) - to_hinge(t) * a(p), 0), axis=-1)
def sq_hinge(t, p): return np.mean(np.square(np.maximum(f(1) - to_hinge(t) * a(p), 0)), axis=-1)
def cat_hinge(t, p):
    t, p = a(t), a(p)
    return np.maximum((( f(1) - t) * p).max(-1) - (t * p).sum(-1) + f(1), 0)


print("== losses")
YT = [[0., 1., 2.], [3., -1., 0.5]]
YP = [[0.5, 1.5, 1.0], [2.0, 0.0, 0.25]]
W = [0.3, 0.7]
show("mse values", mse(YT, YP))
for red in ("sum_over_batch_size", "sum", "mean", "none"):
    show(f"mse {red}", reduce(mse(YT, YP), reduction=red))
show("mse weighted sobs", reduce(mse(YT, YP), W))
show("mse weighted mean_with_sample_weight", reduce(mse(YT, YP), W, "mean_with_sample_weight"))
show("mse mean_with_sample_weight no weights", reduce(mse(YT, YP), reduction="mean_with_sample_weight"))
show("mse (N,T) values, per-step weights [[1,0],[1,1]] sobs", reduce([[0.25, 1.0], [4.0, 0.0625]], [[1, 0], [1, 1]]))
show("mse mask [[1,0,1],[1,1,0]] elementwise none-axis sobs", reduce(np.square(a(YT) - a(YP)), mask=[[1, 0, 1], [1, 1, 0]]))
show("mse mask + weights sum", reduce(np.square(a(YT) - a(YP)), [[2, 2, 2], [1, 1, 1]], "sum", mask=[[1, 0, 1], [1, 1, 0]]))
show("mae", reduce(mae(YT, YP))); show("mae weighted", reduce(mae(YT, YP), W))
MT = [[1., 2., 4.], [-2., 0.5, 3.]]
MP = [[1.5, 1.0, 5.0], [-1.0, 0.0, 3.3]]
show("mape", reduce(mape(MT, MP))); show("mape weighted", reduce(mape(MT, MP), W))
show("mape zero label [[0,2]] vs [[0.5,1]]", reduce(mape([[0., 2.]], [[0.5, 1.]])))
LT = [[0., 1., 2.], [3., 0.5, 0.]]
LP = [[0.5, -1.0, 1.0], [2.0, 0.0, 0.25]]
show("msle", reduce(msle(LT, LP))); show("msle weighted", reduce(msle(LT, LP), W))
HT = [[0., 1., 2.], [3., -1., 0.5]]
HP = [[0.5, 2.5, 1.0], [0.2, 0.0, 0.25]]
show("huber", reduce(huber(HT, HP))); show("huber weighted", reduce(huber(HT, HP), W))
show("huber delta 0.5", reduce(huber(HT, HP, 0.5)))
show("logcosh", reduce(log_cosh(HT, HP))); show("logcosh weighted", reduce(log_cosh(HT, HP), W))
BT = [[0., 1.], [0., 0.]]
BP = [[0.6, 0.4], [0.4, 0.6]]
show("bce values", bce(BT, BP)); show("bce", reduce(bce(BT, BP))); show("bce weighted [0.8,0.2]", reduce(bce(BT, BP), [0.8, 0.2]))
BCP = [[0., 1.], [1., 0.5]]  # saturated probabilities hit the [1e-7, 1-1e-7] clip
show("bce clipped [[0,1],[0,0]] vs [[0,1],[1,0.5]]", reduce(bce(BT, BCP)))
BL = [[-18.6, 0.51], [2.94, -12.8]]
show("bce logits", reduce(bce(BT, BL, True))); show("bce logits sum", reduce(bce(BT, BL, True), reduction="sum"))
show("bce logits smoothing 0.2", reduce(bce(BT, BL, True, 0.2)))
show("bce probs smoothing 0.1", reduce(bce(BT, BP, False, 0.1)))
show("bfce gamma2 values", bfce(BT, BP)); show("bfce", reduce(bfce(BT, BP)))
show("bfce weighted", reduce(bfce(BT, BP), W))
show("bfce logits gamma2 [0,1,0,0]", reduce(bfce([0, 1, 0, 0], [-18.6, 0.51, 2.94, -12.8], from_logits=True)))
show("bfce logits balanced", reduce(bfce([0, 1, 0, 0], [-18.6, 0.51, 2.94, -12.8], balance=True, from_logits=True)))
show("bfce smoothing 0.1 gamma 3", reduce(bfce(BT, BP, gamma=3.0, label_smoothing=0.1)))
CT = [[0., 1., 0.], [0., 0., 1.]]
CP = [[0.05, 0.95, 0.], [0.1, 0.8, 0.1]]
show("cce values", cce(CT, CP)); show("cce", reduce(cce(CT, CP))); show("cce weighted [0.3,0.7]", reduce(cce(CT, CP), W))
CL = [[1.0, 2.0, 0.5], [0.2, -1.0, 3.0]]
show("cce logits", reduce(cce(CT, CL, True))); show("cce logits smoothing 0.1", reduce(cce(CT, CL, True, 0.1)))
show("cce probs smoothing 0.2", reduce(cce(CT, CP, False, 0.2)))
show("scce", reduce(scce([1, 2], CP))); show("scce logits", reduce(scce([1, 2], CL, True)))
SP3 = [[0.05, 0.95, 0.], [0.1, 0.8, 0.1], [0.7, 0.2, 0.1]]
v = scce([1, 2, 0], SP3)
show("scce 3 rows values", v)
show("scce ignore_class=2 sobs (mean over valid rows 0 and 2)", reduce(np.where([True, False, True], v, 0), mask=[1, 0, 1]))
show("scce ignore_class=2 sum", reduce(np.where([True, False, True], v, 0), reduction="sum", mask=[1, 0, 1]))
show("kld", reduce(kld(BT, BP))); show("kld weighted [1,0]", reduce(kld(BT, BP), [1, 0]))
PT = [[1., 0., 3.], [0.5, 2., 0.]]
PP = [[0.5, 0.2, 2.0], [1.0, 1.5, 0.1]]
show("poisson", reduce(poisson(PT, PP))); show("poisson weighted", reduce(poisson(PT, PP), W))
show("cosine values docs", cosine([[0., 1.], [1., 1.], [1., 1.]], [[1., 0.], [1., 1.], [-1., -1.]]))
KT = [[1., 2., 2.], [0., 3., 4.]]
KP = [[2., 1., 2.], [1., 1., 1.]]
show("cosine", reduce(cosine(KT, KP))); show("cosine weighted", reduce(cosine(KT, KP), W))
GT = [[0., 1., 1.], [1., 0., 0.]]
GP = [[0.3, 0.8, -0.2], [1.5, 0.4, -0.6]]
show("hinge 01 labels", reduce(hinge(GT, GP))); show("hinge weighted", reduce(hinge(GT, GP), W))
show("hinge pm1 labels [[-1,1,1],[1,-1,-1]] same as 01", reduce(hinge([[-1., 1, 1], [1, -1, -1]], GP)))
show("hinge non-binary labels [[-1,2,1],[1,0,3]] kept as given", reduce(hinge([[-1., 2, 1], [1, 0, 3]], GP)))
show("squared hinge", reduce(sq_hinge(GT, GP))); show("squared hinge weighted", reduce(sq_hinge(GT, GP), W))
HC_T = [[0., 1., 0.], [0., 0., 1.]]
HC_P = [[0.3, 0.8, 0.6], [0.9, 0.2, 0.5]]
show("categorical hinge values", cat_hinge(HC_T, HC_P)); show("categorical hinge", reduce(cat_hinge(HC_T, HC_P)))
show("categorical hinge weighted", reduce(cat_hinge(HC_T, HC_P), W))


# ---------------------------------------------------------------- metrics
class Mean:
    def __init__(self): self.total = f(0); self.count = f(0)
    def update(self, values, w=None):
        v = a(values)
        if w is None:
            if v.ndim > 1: v = v.mean(axis=tuple(range(1, v.ndim)))
            self.total += v.sum(); self.count += f(v.shape[0] if v.ndim else 1)
        else:
            w = a(w)
            if v.ndim > w.ndim: v = v.mean(axis=tuple(range(w.ndim, v.ndim)))
            self.total += (v * w).sum(); self.count += w.sum()
    def result(self): return self.total / self.count if self.count else f(0)


def two_batches(fn, b1, b2, w1=None, w2=None):
    m = Mean(); m.update(fn(*b1), w1); m.update(fn(*b2), w2)
    return m.result()


print("== metrics")
bin_acc = lambda t, p: np.mean((a(t) == (a(p) > 0.5).astype(f)).astype(f), axis=-1)
show("binary accuracy 2 batches", two_batches(bin_acc, ([[1], [1], [0], [0]], [[0.98], [1], [0], [0.6]]), ([[1], [0]], [[0.3], [0.2]])))
cat_acc = lambda t, p: (np.argmax(a(t), -1) == np.argmax(a(p), -1)).astype(f)
show("categorical accuracy 2 batches", two_batches(cat_acc, ([[0, 0, 1], [0, 1, 0]], [[0.1, 0.9, 0.8], [0.05, 0.95, 0]]),
                                                   ([[1, 0, 0]], [[0.5, 0.3, 0.2]]), [0.7, 0.3], [2.0]))
sparse_acc = lambda t, p: (np.array(t) == np.argmax(a(p), -1)).astype(f)
show("sparse categorical accuracy 2 batches", two_batches(sparse_acc, ([2, 1], [[0.1, 0.6, 0.3], [0.05, 0.95, 0]]),
                                                          ([0, 2, 1], [[0.2, 0.7, 0.1], [0.1, 0.1, 0.8], [0.3, 0.4, 0.3]])))
def in_top_k(t, p, k):
    p = a(p); kth = -np.sort(-p, -1)[:, min(k, p.shape[-1]) - 1]
    return (p[np.arange(len(t)), t] >= kth).astype(f)
show("top-2 categorical accuracy 2 batches", two_batches(lambda t, p: in_top_k(np.argmax(a(t), -1), p, 2),
     ([[0, 0, 1, 0], [0, 1, 0, 0]], [[0.1, 0.5, 0.3, 0.1], [0.05, 0.15, 0.3, 0.5]]),
     ([[1, 0, 0, 0], [0, 0, 0, 1]], [[0.4, 0.4, 0.4, 0.0], [0.1, 0.2, 0.3, 0.4]])))
show("sparse top-2 accuracy 2 batches", two_batches(lambda t, p: in_top_k(np.array(t), p, 2),
     ([2, 1], [[0.1, 0.5, 0.3, 0.1], [0.05, 0.15, 0.3, 0.5]]), ([0, 3], [[0.4, 0.4, 0.4, 0.0], [0.1, 0.2, 0.3, 0.4]]), [1.0, 3.0], [0.5, 0.5]))
show("mse metric 2 batches", two_batches(mse, ([[0, 1], [0, 0]], [[1, 1], [0, 0]]), ([[2., 0.5]], [[1., 1.5]])))
show("mae metric 2 batches weighted", two_batches(mae, ([[0, 1], [0, 0]], [[1, 1], [0, 0]]), ([[2., 0.5]], [[1., 1.5]]), [1, 0], [2]))
m = Mean(); m.update(np.square(a([[0, 1], [0, 0]]) - a([[1, 1], [0, 0]]))); m.update(np.square(a([[2., 0.5]]) - a([[1., 1.5]])))
show("rmse 2 batches", np.sqrt(m.result()))
show("cosine metric 2 batches", two_batches(lambda t, p: -cosine(t, p), ([[0., 1.], [1., 1.]], [[1., 0.], [1., 1.]]), ([[1., 2., ]], [[2., 1.]])))
show("logcosh metric 2 batches", two_batches(log_cosh, ([[0, 1], [0, 0]], [[1, 1], [0, 0]]), ([[2., 0.5]], [[1., 1.5]])))
show("hinge metric 2 batches", two_batches(hinge, (GT, GP), ([[1., 0., 1.]], [[0.5, -0.5, 2.0]])))
show("bce metric 2 batches weighted", two_batches(bce, (BT, BP), ([[1., 1.]], [[0.9, 0.2]]), [1, 0], [1]))


def confusion(y_true, y_pred, thresholds, w=None):
    t = a(y_true).reshape(-1) != 0; p = a(y_pred).reshape(-1)
    w = np.ones_like(p) if w is None else np.broadcast_to(a(w).reshape(-1, *([1] * (a(y_pred).ndim - 1))), a(y_pred).shape).reshape(-1)
    th = a(thresholds)[:, None]
    pos = p[None, :] > th
    return ((t & pos) * w).sum(1), ((~t & pos) * w).sum(1), ((~t & ~pos) * w).sum(1), ((t & ~pos) * w).sum(1)


def bucketed(y_true, y_pred, n, w=None):
    """Keras's _update_confusion_matrix_variables_optimized for AUC thresholds (with the epsilon end points)."""
    t = (a(y_true) != 0).astype(f).reshape(-1); p = np.clip(a(y_pred), 0, 1).reshape(-1)
    w = np.ones_like(p) if w is None else a(w).reshape(-1)
    idx = np.maximum(np.ceil(p * f(n - 1)) - 1, 0).astype(int)
    tpb = np.zeros(n, f); fpb = np.zeros(n, f)
    np.add.at(tpb, idx, t * w); np.add.at(fpb, idx, (1 - t) * w)
    tp = np.flip(np.cumsum(np.flip(tpb))); fp = np.flip(np.cumsum(np.flip(fpb)))
    return tp, fp, (t * 0 + 1 - t).dot(w) - fp, t.dot(w) - tp


def dnn(x, y): return np.where(y == 0, f(0), x / np.where(y == 0, f(1), y))


def auc_result(tp, fp, tn, fn, curve="ROC", method="interpolation"):
    if curve == "PR" and method == "interpolation":
        dtp = tp[:-1] - tp[1:]; p = tp + fp; dp = p[:-1] - p[1:]
        slope = dnn(dtp, np.maximum(dp, 0)); intercept = tp[1:] - slope * p[1:]
        ratio = np.where((p[:-1] > 0) & (p[1:] > 0), dnn(p[:-1], np.maximum(p[1:], 0)), f(1))
        with np.errstate(divide="ignore"):
            return np.sum(dnn(slope * (dtp + intercept * np.log(ratio)), np.maximum(tp[1:] + fn[1:], 0)), axis=0)
    recall = dnn(tp, tp + fn)
    x, y = (dnn(fp, fp + tn), recall) if curve == "ROC" else (recall, dnn(tp, tp + fp))
    h = {"interpolation": (y[:-1] + y[1:]) / 2, "minoring": np.minimum(y[:-1], y[1:]), "majoring": np.maximum(y[:-1], y[1:])}[method]
    return np.sum((x[:-1] - x[1:]) * h, axis=0)


P1 = ([0, 1, 1, 1], [1, 0, 1, 1]); P2 = ([1, 0, 1], [0.7, 0.2, 0.4])
tp1, fp1, tn1, fn1 = confusion(*P1, [0.5]); tp2, fp2, tn2, fn2 = confusion(*P2, [0.5])
show("precision 2 batches", (tp1 + tp2) / (tp1 + tp2 + fp1 + fp2))
show("recall 2 batches", (tp1 + tp2) / (tp1 + tp2 + fn1 + fn2))
TH = [0.0, 0.5, 1.0]
Q1 = ([0, 1, 1, 0], [0.0, 0.5, 0.7, 1.0]); Q2 = ([1, 1, 0], [1.0, 0.2, 0.6])
r1 = confusion(*Q1, TH); r2 = confusion(*Q2, TH)
tp, fp, tn, fn = [x + y for x, y in zip(r1, r2)]
show("precision thresholds [0,0.5,1] 2 batches", dnn(tp, tp + fp)); show("recall thresholds [0,0.5,1] 2 batches", dnn(tp, tp + fn))
K1 = ([[0, 1, 1, 0], [1, 0, 0, 1]], [[0.9, 0.8, 0.3, 0.2], [0.1, 0.7, 0.6, 0.5]])
K2 = ([[0, 0, 1, 1]], [[0.4, 0.1, 0.35, 0.3]])
def topk_filter(p, k):
    p = a(p); out = np.full_like(p, -1e10)
    idx = np.argsort(-p, -1)[:, :k]
    np.put_along_axis(out, idx, np.take_along_axis(p, idx, -1), -1)
    return out
k1 = confusion(K1[0], topk_filter(K1[1], 2), [-1e10]); k2 = confusion(K2[0], topk_filter(K2[1], 2), [-1e10])
tp, fp, tn, fn = [x + y for x, y in zip(k1, k2)]
show("precision top_k=2 2 batches", tp / (tp + fp)); show("recall top_k=2 2 batches", tp / (tp + fn))
c1 = confusion(a(K1[0])[:, 1], a(K1[1])[:, 1], [0.5]); c2 = confusion(a(K2[0])[:, 1], a(K2[1])[:, 1], [0.5])
tp, fp, tn, fn = [x + y for x, y in zip(c1, c2)]
show("precision class_id=1 2 batches", dnn(tp, tp + fp)); show("recall class_id=1 2 batches", dnn(tp, tp + fn))
w1 = confusion(*P1, [0.5], w=[1, 2, 0, 1]); w2 = confusion(*P2, [0.5], w=[0.5, 1, 1])
tp, fp, tn, fn = [x + y for x, y in zip(w1, w2)]
show("precision weighted 2 batches", tp / (tp + fp)); show("recall weighted 2 batches", tp / (tp + fn))

A1 = ([0, 0, 1, 1], [0.0, 0.5, 0.3, 0.9]); A2 = ([1, 0, 1, 0, 1], [0.8, 0.45, 0.1, 0.2, 0.55])
for n in (3, 200):
    s = [x + y for x, y in zip(bucketed(*A1, n), bucketed(*A2, n))]
    show(f"auc ROC n={n} 2 batches", auc_result(*s))
    show(f"auc PR interpolation n={n} 2 batches", auc_result(*s, "PR"))
    show(f"auc ROC minoring n={n}", auc_result(*s, "ROC", "minoring")); show(f"auc ROC majoring n={n}", auc_result(*s, "ROC", "majoring"))
    show(f"auc PR minoring n={n}", auc_result(*s, "PR", "minoring")); show(f"auc PR majoring n={n}", auc_result(*s, "PR", "majoring"))
s = bucketed(*A1, 3, w=[1, 0, 0, 1]); show("auc n=3 weighted [1,0,0,1] (docs: 1.0)", auc_result(*s))
s = bucketed(*A1, 3); show("auc n=3 single batch (docs: 0.75)", auc_result(*s))
CUST = [-1e-7, 0.25, 0.4, 0.7, 1 + 1e-7]
s = [x + y for x, y in zip(confusion(*A1, CUST), confusion(*A2, CUST))]
show("auc ROC thresholds [0.25,0.4,0.7] 2 batches", auc_result(*s)); show("auc PR thresholds [0.25,0.4,0.7]", auc_result(*s, "PR"))
LOG1 = np.log(np.clip(a(A1[1]), 1e-6, 1 - 1e-6) / (1 - np.clip(a(A1[1]), 1e-6, 1 - 1e-6))).astype(f)
show("auc logits of A1 (as floats passed to C#)", LOG1)
s = bucketed(A1[0], (1 / (1 + np.exp(-LOG1))).astype(f), 200); show("auc from_logits n=200 single batch", auc_result(*s))
ML_T = [[0, 1], [1, 1], [0, 0], [1, 0]]; ML_P = [[0.2, 0.9], [0.7, 0.4], [0.3, 0.6], [0.6, 0.1]]
def bucketed_ml(t, p, n):
    cols = [bucketed(a(t)[:, j], a(p)[:, j], n) for j in range(a(t).shape[1])]
    return [np.stack([c[i] for c in cols], 1) for i in range(4)]
s = bucketed_ml(ML_T, ML_P, 200)
show("auc multi_label ROC n=200 by label", auc_result(*s)); show("auc multi_label ROC n=200 mean", auc_result(*s).mean())
show("auc multi_label label_weights [1,3]", (auc_result(*s) * a([1, 3])).sum() / 4)
show("auc multi_label PR n=200 mean", auc_result(*s, "PR").mean())
s = bucketed(ML_T, ML_P, 200); show("auc flattened ROC n=200", auc_result(*s))
s = bucketed(ML_T, ML_P, 200, w=np.broadcast_to(a([1, 3]), (4, 2))); show("auc flattened label_weights [1,3] ROC", auc_result(*s))


def fbeta_update(state, t, p, threshold, average, w=None):
    t, p = a(t), a(p)
    pred = (p > threshold) if threshold is not None else ((p >= p.max(-1, keepdims=True)) & (np.abs(p) > 1e-9))
    pred = pred.astype(f)
    ax = None if average == "micro" else 0
    ws = (lambda v: v) if w is None else (lambda v: v * a(w)[:, None])
    for k, v in (("tp", pred * t), ("fp", pred * (1 - t)), ("fn", (1 - pred) * t), ("iw", t)):
        state[k] = state.get(k, 0) + ws(v).sum(axis=ax)
def fbeta_result(s, beta, average):
    e = EPS
    pr = s["tp"] / (s["tp"] + s["fp"] + e); rc = s["tp"] / (s["tp"] + s["fn"] + e)
    b2 = f(beta * beta)
    score = pr * rc / (b2 * pr + rc + e) * (1 + b2)
    if average == "weighted": return (score * (s["iw"] / (s["iw"].sum() + e))).sum()
    if average is not None: return score.mean()
    return score
F_T = [[1, 1, 1], [1, 0, 0], [1, 1, 0]]; F_P = [[0.2, 0.6, 0.7], [0.2, 0.6, 0.6], [0.6, 0.8, 0.0]]
F_T2 = [[0, 0, 1], [0, 1, 0]]; F_P2 = [[0.1, 0.3, 0.9], [0.7, 0.2, 0.1]]
for avg in (None, "micro", "macro", "weighted"):
    st = {}; fbeta_update(st, F_T, F_P, 0.5, avg); show(f"f1 docs single batch avg={avg}", fbeta_result(st, 1.0, avg))
    fbeta_update(st, F_T2, F_P2, 0.5, avg); show(f"f1 2 batches avg={avg}", fbeta_result(st, 1.0, avg))
st = {}; fbeta_update(st, F_T, F_P, 0.5, None); show("fbeta beta=2 docs", fbeta_result(st, 2.0, None))
st = {}; fbeta_update(st, F_T, F_P, None, None); fbeta_update(st, F_T2, F_P2, None, None); show("f1 argmax (threshold None) 2 batches", fbeta_result(st, 1.0, None))
st = {}; fbeta_update(st, F_T, F_P, 0.5, "macro", w=[1, 2, 0.5]); fbeta_update(st, F_T2, F_P2, 0.5, "macro", w=[3, 1]); show("f1 macro weighted samples 2 batches", fbeta_result(st, 1.0, "macro"))
s = [x + y for x, y in zip(bucketed(*A1, 200, w=[0.5, 1.5, 0.25, 1]), bucketed(*A2, 200, w=[1, 0.3, 2, 0.7, 1]))]
show("auc ROC n=200 fractional weights 2 batches", auc_result(*s)); show("auc PR n=200 fractional weights 2 batches", auc_result(*s, "PR"))
