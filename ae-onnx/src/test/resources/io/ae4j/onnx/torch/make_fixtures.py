"""Writes the PyTorch fixtures of ae-onnx's import tests, and the outputs PyTorch computes for them.

Run from this folder with PyTorch and onnx installed (Debian: apt-get install python3-torch python3-onnx):

    python3 make_fixtures.py

Each model NAME gets NAME.onnx, written by torch.onnx.export (the matmul model's weights then
rewritten as float_data, the other way ONNX stores them), and three CSV files of float32
values printed with 9 significant digits (which parse back to the same float32): NAME_input.csv,
the rows fed to it; NAME_code.csv, the encoder's output; NAME_reconstruction.csv, the whole
model's output. The weights are drawn from a fixed seed, so a rerun writes the same files.
"""
import onnx
from onnx import numpy_helper
import torch
from torch import nn


class Autoencoder(nn.Module):
    """An encoder and a decoder, as a Keras-style autoencoder is built in PyTorch."""

    def __init__(self, encoder, decoder):
        super().__init__()
        self.encoder = encoder
        self.decoder = decoder

    def forward(self, x):
        return self.decoder(self.encoder(x))


class MatMulDense(nn.Module):
    """x @ W + b with W stored as (inputs, outputs): torch.onnx.export writes it as MatMul then Add."""

    def __init__(self, inputs, outputs):
        super().__init__()
        self.weight = nn.Parameter(torch.randn(inputs, outputs) * 0.5)
        self.bias = nn.Parameter(torch.randn(outputs) * 0.1)

    def forward(self, x):
        return x @ self.weight + self.bias


def linear_model():
    """nn.Linear layers (Gemm with transB = 1) and four of ae4j's activations."""
    encoder = nn.Sequential(nn.Linear(6, 4), nn.ReLU(), nn.Linear(4, 2), nn.Tanh())
    decoder = nn.Sequential(nn.Linear(2, 4), nn.LeakyReLU(0.2), nn.Linear(4, 6), nn.Sigmoid())
    return Autoencoder(encoder, decoder)


def matmul_model():
    """MatMul and Add layers, Softplus, and a linear code and output."""
    encoder = nn.Sequential(MatMulDense(5, 3), nn.Softplus(), MatMulDense(3, 2))
    decoder = nn.Sequential(MatMulDense(2, 3), nn.Softplus(), MatMulDense(3, 5))
    return Autoencoder(encoder, decoder)


def write_csv(path, values):
    with open(path, "w") as out:
        for row in values:
            out.write(",".join("%.9g" % v for v in row) + "\n")


def store_as_float_data(path):
    """Rewrites every initializer of the model at path as typed float_data instead of raw bytes,
    the other way ONNX files hold weights (torch.onnx.export writes raw bytes)."""
    model = onnx.load(path)
    for tensor in model.graph.initializer:
        values = numpy_helper.to_array(tensor)
        tensor.ClearField("raw_data")
        tensor.float_data.extend(values.flatten().tolist())
    onnx.save(model, path)


def export(name, model, features, float_data=False):
    model.eval()
    rows = torch.rand(8, features, dtype=torch.float32) * 2 - 0.5
    with torch.no_grad():
        code = model.encoder(rows)
        reconstruction = model(rows)
    torch.onnx.export(model, rows, name + ".onnx", input_names=["input"], output_names=["reconstruction"],
                      dynamic_axes={"input": {0: "batch"}, "reconstruction": {0: "batch"}}, opset_version=13)
    if float_data:
        store_as_float_data(name + ".onnx")
    write_csv(name + "_input.csv", rows.numpy())
    write_csv(name + "_code.csv", code.numpy())
    write_csv(name + "_reconstruction.csv", reconstruction.numpy())


if __name__ == "__main__":
    torch.manual_seed(7)
    export("linear", linear_model(), 6)
    export("matmul", matmul_model(), 5, float_data=True)
