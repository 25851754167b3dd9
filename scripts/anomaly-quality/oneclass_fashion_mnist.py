#!/usr/bin/env python3
"""One-class anomaly detection on Fashion-MNIST with the ae command, beside a PCA baseline.

The protocol of Golan and El-Yaniv (2018) and Ruff et al. (2018): for each class c, train on the
training images of class c only, score all 10,000 test images, and measure AUROC with the other
nine classes as the anomalies. Prints one JSON line per recipe and score: AUROC per class and mean.

  oneclass_fashion_mnist.py test [--recipe NAME ...]       the protocol above
  oneclass_fashion_mnist.py validate [--recipe NAME ...]   the same on training images only, for choosing
                                                           recipes without the test labels: train on the
                                                           first 5,000 images of class c; normal rows are
                                                           its remaining images, anomalies 1,000 training
                                                           images of the other classes

Needs Python 3 with numpy, ae-cli/target/ae.jar (./mvnw -pl ae-cli -am package -DskipTests; AE_JAR names another) and the
four Fashion-MNIST IDX files (apt-get install dataset-fashion-mnist, or --fashion-mnist DIR).
Pixels are divided by 255, as ae reads IDX images.
"""
import argparse, gzip, json, os, re, subprocess, sys, time
import numpy as np

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
JAR = os.environ.get("AE_JAR", os.path.join(ROOT, "ae-cli", "target", "ae.jar"))

# The network of the peers' comparison: 784-128-32-128-784, relu, sigmoid output, Adam 1e-3, batch 64, seed 0.
NETWORK = ["--layers", "784,128,32", "--output", "sigmoid", "--batch", "64", "--seed", "0"]
RECIPES = {
    # ae train's defaults on that network: MSE, 20 epochs, and ae's default score (combined).
    "default": NETWORK + ["--epochs", "20"],
    "denoising": NETWORK + ["--epochs", "20", "--variant", "denoising", "--noise", "mask:0.2"],
    "longer": NETWORK + ["--epochs", "40"],
    # Each pixel standardised on the class's training images, so that an error counts in the pixel's own spread.
    "standardized": ["--layers", "784,128,32", "--output", "linear", "--scale", "standard", "--batch", "64",
                     "--seed", "0", "--epochs", "20"],
    "wide64": ["--layers", "784,256,64", "--output", "sigmoid", "--batch", "64", "--seed", "0", "--epochs", "20"],
    "wide128": ["--layers", "784,512,128", "--output", "sigmoid", "--batch", "64", "--seed", "0", "--epochs", "20"],
    # The recommended recipe: a wider network, and leaky ReLU so the codes keep their negative side.
    "wide128-leaky": ["--layers", "784,512,128", "--output", "sigmoid", "--batch", "64", "--seed", "0", "--epochs", "20",
                      "--activation", "leaky_relu"],
    "wide256": ["--layers", "784,1024,256", "--output", "sigmoid", "--batch", "64", "--seed", "0", "--epochs", "20"],
    "vae": NETWORK + ["--epochs", "20", "--variant", "vae", "--loss", "bce", "--score", "reconstruction-probability"],
}
SCORES = ["combined", "reconstruction", "normalized-reconstruction", "code-distance"]
VAE_SCORES = ["reconstruction-probability"] + SCORES


def idx(path):
    with gzip.open(path, "rb") as f:
        raw = f.read()
    dims = raw[3]
    shape = [int.from_bytes(raw[4 + 4 * i:8 + 4 * i], "big") for i in range(dims)]
    return np.frombuffer(raw[4 + 4 * dims:], dtype=np.uint8).reshape(shape)


def write_csv(path, images, labels=None):
    header = ",".join(f"pixel{i}" for i in range(784)) + (",label" if labels is not None else "")
    values = images.reshape(len(images), -1).astype(np.float32) / 255
    with open(path, "w") as f:
        f.write(header + "\n")
        for r, row in enumerate(values):
            f.write(",".join(f"{v:.6g}" for v in row) + (f",{labels[r]}" if labels is not None else "") + "\n")


def ae(*args):
    command = ["java", "--add-modules", "jdk.incubator.vector", "-jar", JAR, *args]
    result = subprocess.run(command, capture_output=True, text=True)
    if result.returncode != 0:
        sys.exit(f"ae {' '.join(args)} failed:\n{result.stderr}")
    return result.stdout


def auroc_of(evaluate_output):
    return float(re.search(r"AUROC ([0-9.]+)", evaluate_output).group(1))


def pca_auroc(train, test, anomalous, k=32):
    """PCA-k reconstruction error (float64, numpy SVD), AUROC with ties counting half."""
    x = train.reshape(len(train), -1) / 255.0
    t = test.reshape(len(test), -1) / 255.0
    mean = x.mean(0)
    _, _, vt = np.linalg.svd(x - mean, full_matrices=False)
    basis = vt[:k]
    rebuilt = (t - mean) @ basis.T @ basis + mean
    scores = ((rebuilt - t) ** 2).mean(1)
    order = np.argsort(scores, kind="mergesort")
    ranks = np.empty(len(scores))
    sorted_scores = scores[order]
    i = 0
    while i < len(scores):
        j = i
        while j + 1 < len(scores) and sorted_scores[j + 1] == sorted_scores[i]:
            j += 1
        ranks[order[i:j + 1]] = (i + j) / 2 + 1
        i = j + 1
    p = anomalous.sum()
    n = len(scores) - p
    return float((ranks[anomalous].sum() - p * (p + 1) / 2) / (p * n))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("mode", choices=["test", "validate"])
    parser.add_argument("--recipe", action="append", choices=sorted(RECIPES), help="default: default")
    parser.add_argument("--fashion-mnist", default="/usr/share/datasets/fashion-mnist")
    parser.add_argument("--work", default="oneclass-work")
    parser.add_argument("--classes", default="0,1,2,3,4,5,6,7,8,9")
    options = parser.parse_args()
    fm = options.fashion_mnist
    train_x, train_y = idx(f"{fm}/train-images-idx3-ubyte.gz"), idx(f"{fm}/train-labels-idx1-ubyte.gz")
    test_images, test_labels = f"{fm}/t10k-images-idx3-ubyte.gz", f"{fm}/t10k-labels-idx1-ubyte.gz"
    test_x, test_y = idx(test_images), idx(test_labels)
    os.makedirs(options.work, exist_ok=True)
    classes = [int(c) for c in options.classes.split(",")]
    recipes = options.recipe or ["default"]
    results = {}      # (recipe, score) -> AUROC per class
    pca = []
    for c in classes:
        own = train_x[train_y == c]
        if options.mode == "test":
            fit_rows = own
            eval_args = ["--data", test_images, "--labels", test_labels, "--normal-label", str(c)]
            pca.append(pca_auroc(own, test_x, test_y != c))
        else:
            fit_rows, held = own[:5000], own[5000:]
            others = np.flatnonzero(train_y != c)
            picked = np.random.default_rng(c).choice(others, 1000, replace=False)
            val_x = np.concatenate([held, train_x[picked]])
            val_y = np.concatenate([np.zeros(len(held), int), np.ones(1000, int)])
            val_csv = os.path.join(options.work, f"validation-{c}.csv")
            if not os.path.exists(val_csv):
                write_csv(val_csv, val_x, val_y)
            eval_args = ["--data", val_csv, "--label-column", "label", "--anomaly-label", "1"]
            pca.append(pca_auroc(fit_rows, val_x, val_y == 1))
        train_csv = os.path.join(options.work, f"{options.mode}-train-{c}.csv")
        if not os.path.exists(train_csv):
            write_csv(train_csv, fit_rows)
        for recipe in recipes:
            model = os.path.join(options.work, f"{options.mode}-{recipe}-{c}.ae4j")
            started = time.perf_counter()
            ae("train", "--data", train_csv, *RECIPES[recipe], "--out", model)
            scores = VAE_SCORES if "vae" in RECIPES[recipe] else SCORES
            for score in scores:
                auc = auroc_of(ae("evaluate", "--model", model, *eval_args, "--score", score))
                results.setdefault((recipe, score), []).append(auc)
            print(f"class {c} {recipe}: " + ", ".join(f"{s} {results[(recipe, s)][-1]:.4f}" for s in scores)
                  + f", PCA-32 {pca[-1]:.4f} ({time.perf_counter() - started:.0f} s)", file=sys.stderr, flush=True)
    print(json.dumps({"mode": options.mode, "method": "PCA-32 reconstruction error", "classes": classes,
                      "auroc": [round(a, 4) for a in pca], "mean": round(float(np.mean(pca)), 4)}))
    for (recipe, score), aucs in results.items():
        print(json.dumps({"mode": options.mode, "recipe": recipe, "ae train": " ".join(RECIPES[recipe]), "score": score,
                          "classes": classes, "auroc": [round(a, 4) for a in aucs], "mean": round(float(np.mean(aucs)), 4)}))


if __name__ == "__main__":
    main()
